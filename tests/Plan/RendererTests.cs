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
    public void Unpriced_lines_say_so_in_both_renderings_and_are_listed_under_the_total()
    {
        var (capacity, cost) = Reports("eu-west-1", "westeurope", "ARM64");
        var text = PlainTextReport.Render(capacity, cost);
        var markdown = MarkdownReport.Render(capacity, cost);

        Assert.Contains("NLB hours", text);
        Assert.Contains("  not priced for eu-west-1", text);
        Assert.Contains("Not in the total: NLB hours (eu-west-1), NLB capacity units (eu-west-1), App Insights / Log Analytics ingestion (westeurope)", text);
        Assert.Contains("| NLB hours | 730 NLB-hours | not priced for eu-west-1 | - | - | - |", markdown);
    }

    [Fact]
    public void A_stack_that_cannot_hold_its_load_shows_it_in_the_capacity_table()
    {
        var capacity = CapacityModel.Compute(Examples.ProdTraffic(3_000), Examples.ProdSampling(decisionWaitSeconds: 120), Examples.ProdTiers());
        var cost = CostModel.Compute(capacity, Examples.ProdCostInputs());

        Assert.Contains("| sampler | 2..6 | 2 vCPU, 4096 MiB | 3 / 4 vCPU |", MarkdownReport.Render(capacity, cost));
        Assert.Contains("| 360,000 / 287,332 | 3 | NO |", MarkdownReport.Render(capacity, cost));
        Assert.Contains("needs 3 at the declared load; holds it: NO", PlainTextReport.Render(capacity, cost));
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
