using Infra.Capacity;
using Infra.Cost;
using Infra.Plan;
using Infra.Tests.Capacity;

namespace Infra.Tests.Plan;

/// <summary>
/// The capacity and cost section, plain text and Markdown, for the prod-like stack; checked in so review shows every change.
/// After an intended change, rewrite them: UPDATE_GOLDEN=1 dotnet test
/// </summary>
public class RendererTests
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "prod-like-eu-west-1-arm64", "eu-west-1", "westeurope", "ARM64" },
        { "prod-like-us-east-1-x86_64", "us-east-1", "eastus", "X86_64" },
    };

    private static (CapacityReport, CostReport) Reports(string awsRegion, string azureLocation, string architecture)
    {
        var capacity = Examples.ProdCapacity();
        var cost = CostModel.Compute(capacity, Examples.ProdCostInputs(awsRegion, azureLocation, Enum.Parse<CpuArchitecture>(architecture)));
        return (capacity, cost);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plain_text_matches_the_golden_file(string name, string awsRegion, string azureLocation, string architecture)
    {
        var (capacity, cost) = Reports(awsRegion, azureLocation, architecture);
        AssertGolden($"{name}.txt", PlainTextReport.Render(capacity, cost));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Markdown_matches_the_golden_file(string name, string awsRegion, string azureLocation, string architecture)
    {
        var (capacity, cost) = Reports(awsRegion, azureLocation, architecture);
        AssertGolden($"{name}.md", MarkdownReport.Render(capacity, cost));
    }

    [Fact]
    public void Unpriced_lines_say_so_and_the_totals_say_partial_in_both_renderings()
    {
        var (capacity, cost) = Reports("eu-west-1", "westeurope", "ARM64");
        var text = PlainTextReport.Render(capacity, cost);
        var markdown = MarkdownReport.Render(capacity, cost);

        Assert.Contains("  not priced for eu-west-1", text);
        Assert.Contains("  total (partial: 4 lines not priced)", text);
        Assert.Contains("Partial: the total leaves out NLB hours (eu-west-1), NLB capacity units (eu-west-1), Transaction Search span ingestion (aws/spans) (eu-west-1), SSM Advanced parameters (eu-west-1)", text);
        Assert.Contains("| NLB hours | 730 NLB-hours | not priced for eu-west-1 | - | - | - |", markdown);
        Assert.Contains("### Monthly cost (eu-west-1 + westeurope, ARM64): partial", markdown);
        Assert.Contains("| **Total (partial: 4 lines not priced)** |", markdown);
        Assert.Contains("**Partial: the total leaves out NLB hours (eu-west-1)", markdown);
    }

    [Fact]
    public void With_every_price_found_no_line_says_not_priced_and_the_total_is_whole()
    {
        var (capacity, cost) = Reports("us-east-1", "eastus", "X86_64");
        var text = PlainTextReport.Render(capacity, cost);
        var markdown = MarkdownReport.Render(capacity, cost);

        Assert.DoesNotContain("not priced for", text + markdown);
        Assert.DoesNotContain("partial", text + markdown, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("| **Total** |", markdown);
    }

    [Fact]
    public void A_stack_in_an_unpriced_region_prints_partial()
    {
        var capacity = Examples.ProdCapacity();
        var cost = CostModel.Compute(capacity, Examples.ProdCostInputs("ap-south-1", "centralindia"));

        Assert.Contains("### Monthly cost (ap-south-1 + centralindia, ARM64): partial", MarkdownReport.Render(capacity, cost));
        Assert.Contains("total (partial: ", PlainTextReport.Render(capacity, cost));
    }

    [Fact]
    public void The_cost_shows_the_minimum_and_the_peak_hour_task_counts()
    {
        var (capacity, cost) = Reports("us-east-1", "eastus", "X86_64");

        Assert.Contains("tasks: router 2 all month, 3 at peak (+$0.04937 per hour at peak); sampler 2 all month, 2 at peak", PlainTextReport.Render(capacity, cost));
        Assert.Contains("Tasks: router 2 all month, 3 at peak (+$0.04937 per hour at peak); sampler 2 all month, 2 at peak.", MarkdownReport.Render(capacity, cost));
    }

    [Fact]
    public void A_stack_that_cannot_hold_its_plan_shows_it_in_the_capacity_table()
    {
        var capacity = CapacityModel.Compute(Examples.ProdTraffic(3_000), Examples.ProdSampling(decisionWaitSeconds: 120), Examples.ProdTiers(), Examples.ProdPlanning());
        var cost = CostModel.Compute(capacity, Examples.ProdCostInputs());

        Assert.Contains("| sampler | 2..6 | 2 vCPU, 4096 MiB | memory 50%, cpu 60% | 2 tasks, CPU 75%, memory 79.6% |", MarkdownReport.Render(capacity, cost));
        Assert.Contains("| NO |", MarkdownReport.Render(capacity, cost));
        Assert.Contains("sampler: 2..6 x (2 vCPU, 4096 MiB); autoscaling target memory 50%, cpu 60%; holds the plan: NO", PlainTextReport.Render(capacity, cost));
    }

    private static void AssertGolden(string fileName, string actual)
    {
        var path = Path.Combine(TestSupport.RepoRoot, "tests", "Plan", "golden", fileName);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }
        Assert.True(File.Exists(path), $"{path} is missing; create it with UPDATE_GOLDEN=1 dotnet test.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
