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

        var groups = program.OfType("azure-native:monitor:ActionGroup").ToList();
        Assert.NotEmpty(groups);
        Assert.Equal(groups.Select(group => group.State["id"]), (List<object?>)At(rule.ToDictionary(), "actions")["actionGroups"]!);
        Assert.Contains("401 or 403 from Azure Monitor", (string)rule["description"]!);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Each_alarm_recipient_has_an_action_group_that_emails_only_them(string stack)
    {
        var groups = Program(stack).OfType("azure-native:monitor:ActionGroup").Select(group => group.Inputs).ToList();
        var recipients = Program(stack).OfType("aws:sns:TopicSubscription").Select(s => s.Inputs["endpoint"]).ToList();
        Assert.Equal(recipients, groups.Select(group => Assert.Single(((List<object?>)group["emailReceivers"]!).Cast<Dictionary<string, object?>>())["emailAddress"]));
        Assert.Equal(groups.Count, groups.Select(group => group["actionGroupName"]).Distinct().Count());
        Assert.All(groups, group =>
        {
            Assert.Equal(true, group["enabled"]);
            Assert.Equal("Global", group["location"]);
            Assert.InRange(((string)group["groupShortName"]!).Length, 1, 12);
        });
    }

    [Fact]
    public void Windows_are_written_as_azure_takes_them()
    {
        Assert.Equal(
            ["PT5M", "PT10M", "PT15M", "PT30M", "PT45M", "PT1H", "PT2H", "PT3H", "PT4H", "PT5H", "PT6H", "P1D", "P2D"],
            Infra.Settings.SettingKeys.NoSpansWindows.Select(AzureSilenceAlert.IsoDuration));
    }
}
