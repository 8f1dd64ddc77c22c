using Infra.Components;
using static Infra.Tests.Components.Monitoring.TelemetryTestSupport;

namespace Infra.Tests.Components.Monitoring;

/// <summary>The Azure side: a log search alert on the workspace, filtered to the component, emailing the same people.</summary>
public class AzureSilenceAlertTests
{
    [Theory]
    [InlineData("dev", "P1D")]
    [InlineData("prod", "PT15M")]
    public void The_rule_counts_the_components_spans_in_the_workspace_and_fires_below_one(string stack, string window)
    {
        var program = Program(stack);
        var rule = program.Single("azure-native:monitor:ScheduledQueryRule").Inputs;
        Assert.Equal($"otel-{stack}-no-spans", rule["ruleName"]);
        Assert.Equal("LogAlert", rule["kind"]);
        Assert.Equal(new List<object?> { program.Resources["log-analytics-workspace"].State["id"] }, rule["scopes"]);
        Assert.Equal(program.Resources["resource-group"].State["name"], rule["resourceGroupName"]);
        Assert.Equal("westeurope", rule["location"]);
        Assert.Equal("PT5M", rule["evaluationFrequency"]);
        Assert.Equal(window, rule["windowSize"]);
        Assert.Equal(true, rule["autoMitigate"]);

        var condition = Assert.IsType<Dictionary<string, object?>>(Assert.Single((List<object?>)At(rule.ToDictionary(), "criteria")["allOf"]!));
        var componentId = (string)program.Resources["application-insights"].State["id"]!;
        Assert.Equal($"union AppRequests, AppDependencies\n| where _ResourceId =~ \"{componentId}\"", condition["query"]);
        Assert.Equal("Count", condition["timeAggregation"]);
        Assert.Equal("LessThan", condition["operator"]);
        Assert.Equal(1L, condition["threshold"]);
        Assert.False(condition.ContainsKey("metricMeasureColumn"));

        var group = program.Single("azure-native:monitor:ActionGroup");
        Assert.Equal(new List<object?> { group.State["id"] }, At(rule.ToDictionary(), "actions")["actionGroups"]);
        Assert.Contains("401 or 403 from Azure Monitor", (string)rule["description"]!);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_action_group_emails_the_alarm_recipients(string stack)
    {
        var group = Program(stack).Single("azure-native:monitor:ActionGroup").Inputs;
        var recipients = Program(stack).OfType("aws:sns:TopicSubscription").Select(s => s.Inputs["endpoint"]).ToList();
        var receivers = ((List<object?>)group["emailReceivers"]!).Cast<Dictionary<string, object?>>().ToList();
        Assert.Equal(recipients, receivers.Select(r => r["emailAddress"]));
        Assert.Equal(receivers.Count, receivers.Select(r => r["name"]).Distinct().Count());
        Assert.Equal(true, group["enabled"]);
        Assert.Equal("Global", group["location"]);
        Assert.InRange(((string)group["groupShortName"]!).Length, 1, 12);
    }

    [Fact]
    public void Windows_are_written_as_azure_takes_them()
    {
        Assert.Equal(
            ["PT5M", "PT10M", "PT15M", "PT30M", "PT45M", "PT1H", "PT2H", "PT3H", "PT4H", "PT5H", "PT6H", "P1D", "P2D"],
            Infra.Settings.SettingKeys.NoSpansWindows.Select(AzureSilenceAlert.IsoDuration));
    }
}
