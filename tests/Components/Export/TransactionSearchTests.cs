using System.Text.Json;
using Infra.Settings;
using Infra.Tests.Evaluation;
using static Infra.Tests.ErrorMessageAssert;

namespace Infra.Tests.Components.Export;

/// <summary>X-Ray over OTLP needs CloudWatch Transaction Search: owned by exactly one stack, declared by the others.</summary>
public class TransactionSearchTests
{
    private static readonly string[] TransactionSearchTypes = ["aws:cloudwatch:LogResourcePolicy", "aws:xray:TraceSegmentDestination", "aws:xray:IndexingRule"];

    [Fact]
    public void The_owning_stack_lets_xray_write_spans_sends_segments_to_cloudwatch_logs_and_indexes_a_share()
    {
        var prod = TestSupport.Evaluate("prod");

        var policy = prod.Single("aws:cloudwatch:LogResourcePolicy");
        Assert.Equal("TransactionSearchAccess", policy.Inputs["policyName"]);
        var statement = Assert.Single(JsonDocument.Parse((string)policy.Inputs["policyDocument"]!).RootElement.GetProperty("Statement").EnumerateArray());
        Assert.Equal("xray.amazonaws.com", statement.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal(["logs:PutLogEvents"], statement.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(
            ["arn:aws:logs:eu-west-1:123456789012:log-group:aws/spans:*", "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/application-signals/data:*"],
            statement.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()));
        var condition = statement.GetProperty("Condition");
        Assert.Equal("arn:aws:xray:eu-west-1:123456789012:*", condition.GetProperty("ArnLike").GetProperty("aws:SourceArn").GetString());
        Assert.Equal(FakeCloud.AccountId, condition.GetProperty("StringEquals").GetProperty("aws:SourceAccount").GetString());

        Assert.Equal("CloudWatchLogs", prod.Single("aws:xray:TraceSegmentDestination").Inputs["destination"]);
        var rule = prod.Single("aws:xray:IndexingRule").Inputs;
        Assert.Equal("Default", rule["name"]);
        Assert.Equal(1L, ((Dictionary<string, object?>)((Dictionary<string, object?>)rule["rule"]!)["probabilistic"]!)["desiredSamplingPercentage"]);
    }

    [Fact]
    public void Destroying_the_owning_stack_keeps_the_logs_policy_so_xray_can_still_write()
    {
        var resources = (Dictionary<string, object?>)Infra.Model.YamlTree.ParseMap(TestSupport.Synth("prod"))["resources"]!;
        var options = (Dictionary<string, object?>)((Dictionary<string, object?>)resources["transaction-search-logs-policy"]!)["options"]!;
        Assert.Equal(true, options["retainOnDelete"]);
        var destination = (Dictionary<string, object?>)((Dictionary<string, object?>)resources["xray-segment-destination"]!)["options"]!;
        Assert.Equal(new List<object?> { "${transaction-search-logs-policy}" }, destination["dependsOn"]);
    }

    [Fact]
    public void A_stack_that_only_declares_transaction_search_creates_none_of_it_and_says_so_in_plan()
    {
        var dev = TestSupport.Evaluate("dev");
        Assert.All(TransactionSearchTypes, type => Assert.Empty(dev.OfType(type)));

        var plan = TestSupport.RunCli(["plan", "--stack", "dev"]);
        var note = Assert.Single(plan.Stdout.Split('\n'), line => line.StartsWith("Note: X-Ray export uses the OTLP endpoint", StringComparison.Ordinal));
        Assert.Contains("needs CloudWatch Transaction Search: this stack does not manage it", note);
        Assert.Contains("otel-multicloud:transactionSearchEnabled = true says it is on in eu-west-1", note);
        Assert.EndsWith("Check with: aws xray get-trace-segment-destination --region eu-west-1 (expect CloudWatchLogs, ACTIVE).", note);
        var markdown = TestSupport.RunCli(["plan", "--stack", "dev", "--format", "markdown"]);
        Assert.Contains("> **Note:** X-Ray export uses the OTLP endpoint", markdown.Stdout);
    }

    [Fact]
    public void Otlp_export_without_transaction_search_managed_or_declared_is_refused_naming_both_settings()
    {
        var error = Assert.Throws<UserError>(() => StackSettingsReader.Read("test", Infra.Tests.Settings.SettingsTests.Config(("otel-multicloud:transactionSearchEnabled", "false"))));
        AssertMessageNamesProblem(error.Message, "Pulumi.test.yaml", "otel-multicloud:xrayExport", "otlp",
            "set otel-multicloud:manageTransactionSearch to true", "otel-multicloud:transactionSearchEnabled to true if it is already on", "otel-multicloud:xrayExport to segments");
        Assert.Contains("accepts them only with CloudWatch Transaction Search on", error.Message);
    }

    [Fact]
    public void Owning_and_declaring_at_once_is_refused()
    {
        var error = Assert.Throws<UserError>(() => StackSettingsReader.Read("test", Infra.Tests.Settings.SettingsTests.Config(("otel-multicloud:manageTransactionSearch", "true"))));
        AssertMessageNamesProblem(error.Message, "Pulumi.test.yaml", "otel-multicloud:manageTransactionSearch", null, "Keep one.");
        Assert.Contains("otel-multicloud:manageTransactionSearch and otel-multicloud:transactionSearchEnabled are both true", error.Message);
    }

    [Fact]
    public void Segments_mode_needs_no_transaction_search()
    {
        var settings = StackSettingsReader.Read("test", Infra.Tests.Settings.SettingsTests.Config(("otel-multicloud:transactionSearchEnabled", "false"), ("otel-multicloud:xrayExport", "segments")));
        Assert.False(settings.Export.XrayOverOtlp);
    }
}
