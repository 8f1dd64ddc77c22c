using System.Globalization;

namespace Infra.Tests.Capacity;

/// <summary>The worked example in docs/capacity-and-cost.md is what plan prints for the checked-in prod stack.</summary>
public class WorkedExampleTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "docs", "capacity-and-cost.md"));

    private static string Example => Doc[Doc.IndexOf("## Example: the prod stack", StringComparison.Ordinal)..];

    private static string Plan()
    {
        var result = TestSupport.RunCli(["plan", "--stack", "prod", "--format", "markdown"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout;
    }

    [Fact]
    public void Every_table_row_of_the_example_is_a_row_plan_prints_for_prod()
    {
        var plan = Plan();
        var rows = Example.Split('\n').Where(line => line.StartsWith("| ", StringComparison.Ordinal)).ToList();

        Assert.True(rows.Count > 20, "the example has lost its tables");
        Assert.All(rows, row => Assert.Contains(row + "\n", plan));
    }

    [Fact]
    public void The_example_gives_the_minimum_and_peak_counts_and_the_share_of_azure_ingestion_plan_computes()
    {
        var settings = Infra.Settings.StackSettingsReader.Read("prod", Infra.Settings.StackConfigLoader.FromStackFile(TestSupport.RepoRoot, "prod"));
        var capacity = Infra.Capacity.StackCapacity.Of(settings);
        var cost = Infra.Cost.StackCost.Of(settings, ObservabilityStack.Build(settings).Inventory, capacity);
        var azure = cost.Lines.Single(l => l.Item == "App Insights / Log Analytics ingestion");
        static string Share(decimal part, decimal whole) => (part / whole).ToString("0%", CultureInfo.InvariantCulture);
        var text = Example.Replace("\n", " ", StringComparison.Ordinal);

        Assert.Contains($"Routers: {cost.Tasks[0].MinTasks} all month, {cost.Tasks[0].PeakTasks} at peak (+{cost.Tasks[0].PeakHourExtra!.Value.ToString("$0.00####", CultureInfo.InvariantCulture)} per hour at peak)", text);
        Assert.Contains($"samplers: {cost.Tasks[1].MinTasks} all month, {cost.Tasks[1].PeakTasks} at peak (+{cost.Tasks[1].PeakHourExtra!.Value.ToString("$0.00####", CultureInfo.InvariantCulture)} per hour at peak)", text);
        Assert.Contains($"Azure Monitor ingestion is {Share(azure.SampledCost!.Value, cost.SampledTotal)} of the priced sampled total; with every trace kept it would be {Share(azure.KeepAllCost!.Value, cost.KeepAllTotal)}.", text);
    }
}
