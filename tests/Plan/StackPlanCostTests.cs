using Infra.Cost;

namespace Infra.Tests.Plan;

/// <summary>
/// The checked-in stacks' plans say "partial" in words wherever a line has no price, and never print a bare total then;
/// a stack prices the X-Ray path it uses.
/// </summary>
public class StackPlanCostTests
{
    public static TheoryData<string> Stacks => new(TestSupport.StackNames);

    private static string Plan(string stack, string format, string? projectDirectory = null)
    {
        var result = TestSupport.RunCli(["plan", "--stack", stack, "--format", format], projectDirectory: projectDirectory);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout;
    }

    private static CostReport Cost(string stack)
    {
        var settings = Infra.Settings.StackSettingsReader.Read(stack, Infra.Settings.StackConfigLoader.FromStackFile(TestSupport.RepoRoot, stack));
        return StackCost.Of(settings, ObservabilityStack.Build(settings).Inventory, Infra.Capacity.StackCapacity.Of(settings));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void A_plan_with_an_unpriced_line_says_partial_in_the_text_and_the_pull_request_comment(string stack)
    {
        var cost = Cost(stack);
        var markdown = Plan(stack, "markdown");
        var text = Plan(stack, "text");

        if (cost.Partial)
        {
            Assert.Contains($"| **Total (partial: {cost.UnpricedLines.Count} line{(cost.UnpricedLines.Count == 1 ? "" : "s")} not priced)** |", markdown);
            Assert.Contains("**Partial: the total leaves out ", markdown);
            Assert.Contains("): partial\n", markdown);
            Assert.Contains("  total (partial: ", text);
            Assert.DoesNotContain("| **Total** |", markdown);
        }
        else
        {
            Assert.DoesNotContain("not priced for", markdown + text);
            Assert.Contains("| **Total** |", markdown);
        }
    }

    [Fact]
    public void The_checked_in_stacks_run_in_eu_west_1_where_the_nlb_span_ingestion_and_ssm_have_no_price()
    {
        Assert.All(TestSupport.StackNames, stack => Assert.Equal(
            ["NLB hours", "NLB capacity units", "Transaction Search span ingestion (aws/spans)", "SSM Advanced parameters"],
            Cost(stack).UnpricedLines.Select(l => l.Item)));
    }

    [Fact]
    public void Prod_in_segments_mode_prices_traces_recorded_and_no_span_ingestion()
    {
        var directory = TestSupport.StackDirectoryWith("prod", TestSupport.StackFileWith("prod",
            ("otel-multicloud:xrayExport", "segments"), ("otel-multicloud:manageTransactionSearch", "\"false\""), ("otel-multicloud:transactionSearchIndexingPercentage", null)));

        var markdown = Plan("prod", "markdown", directory);

        Assert.Contains("| X-Ray traces recorded | 206,298,000 / 2,628,000,000 traces | $0.000005 per trace recorded, 100,000 free | $1,030.99 | $13,139.50 | $12,108.51 |", markdown);
        Assert.DoesNotContain("Transaction Search span ingestion", markdown);
        Assert.DoesNotContain("Trace summaries indexed", markdown);
    }

    [Fact]
    public void Without_a_nat_gateway_the_plan_prices_no_nat_processing()
    {
        var directory = TestSupport.StackDirectoryWith("prod", TestSupport.StackFileWith("prod", ("otel-multicloud:natGatewayEgress", "\"false\"")));

        Assert.DoesNotContain("| NAT gateway processing |", Plan("prod", "markdown", directory));
        Assert.Contains("| NAT gateway processing |", Plan("prod", "markdown"));
    }
}
