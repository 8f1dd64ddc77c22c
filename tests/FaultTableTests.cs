using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Infra.Capacity;
using Infra.Capacity.Faults;

namespace Infra.Tests;

/// <summary>The README's fault table stays true: every test it names exists, and its prod figures are the model's.</summary>
public partial class FaultTableTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "README.md"));

    private static string Table => Readme[Readme.IndexOf("## When a part fails: the fault table", StringComparison.Ordinal)..Readme.IndexOf("## Watching the pipeline", StringComparison.Ordinal)];

    [Fact]
    public void Every_test_a_row_names_exists()
    {
        var rows = Table.Split('\n').Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| Fault", StringComparison.Ordinal) && !line.StartsWith("|---", StringComparison.Ordinal)).ToList();
        Assert.Equal(11, rows.Count);
        var types = typeof(FaultTableTests).Assembly.GetTypes();
        foreach (var row in rows)
        {
            var heldBy = row.TrimEnd().TrimEnd('|').Split('|')[^1];
            var names = TestName().Matches(heldBy).Select(m => m.Groups[1].Value).ToList();
            Assert.True(names.Count > 0, $"no test named in: {row}");
            foreach (var name in names)
            {
                var parts = name.Split('.');
                var type = types.SingleOrDefault(t => t.Name == parts[0]);
                Assert.True(type is not null, $"{parts[0]} (README fault table) is no test class");
                if (parts.Length > 1)
                {
                    Assert.True(type!.GetMethod(parts[1], BindingFlags.Public | BindingFlags.Instance) is not null, $"{name} (README fault table) is no test");
                }
            }
        }
    }

    [Fact]
    public void The_prod_figures_are_the_models()
    {
        var settings = Infra.Stacks.Synthesizer.ReadChecked("prod", Infra.Settings.StackConfigLoader.FromStackFile(TestSupport.RepoRoot, "prod"));
        var capacity = StackCapacity.Of(settings);
        var lost = LostSampler.For(settings.Runtime.Topology, capacity.Traffic, capacity.Sampling)!;
        var rideThrough = StackCapacity.RideThroughOf(settings);
        string Count(double value) => Math.Round(value).ToString("#,0", CultureInfo.InvariantCulture);

        Assert.Contains($"**{Count(lost.TracesSplit)}** traces split, about **{Count(lost.SpansLost)}** spans", Table);
        Assert.Contains($"**{Count(lost.SpansRerouted)}** spans are delayed up to **{Count(lost.StallSeconds)} s**", Table);
        Assert.Contains($"**{rideThrough.EphemeralStorageGiB} GiB**, **{Count(rideThrough.ExportBytesPerSecondPerTask / 1000)} kB/s**", Table);
        Assert.Contains($"Nothing for **{rideThrough.Minutes} min**", Table);
        var topology = settings.Runtime.Topology;
        Assert.Contains($"ECS waits **{StopTimeout.SecondsFor(topology.Sampling, settings.TailSampling.DecisionWaitSeconds)} s**", Table);
        Assert.Contains($"or **{StopTimeout.SecondsFor(topology.Routing!, settings.TailSampling.DecisionWaitSeconds)} s** (routers", Table);
    }

    [Fact]
    public void Every_test_the_security_table_names_exists()
    {
        var table = Readme[Readme.IndexOf("## Security controls", StringComparison.Ordinal)..Readme.IndexOf("## Exporting to X-Ray and Azure Monitor", StringComparison.Ordinal)];
        var rows = table.Split('\n').Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| Control", StringComparison.Ordinal)).ToList();
        Assert.Equal(11, rows.Count);
        var types = typeof(FaultTableTests).Assembly.GetTypes();
        foreach (var name in rows.SelectMany(row => TestName().Matches(row.TrimEnd().TrimEnd('|').Split('|')[^1]).Select(m => m.Groups[1].Value)))
        {
            var parts = name.Split('.');
            var type = types.SingleOrDefault(t => t.Name == parts[0]);
            Assert.True(type is not null, $"{parts[0]} (README security table) is no test class");
            Assert.True(parts.Length == 1 || type!.GetMethod(parts[1], BindingFlags.Public | BindingFlags.Instance) is not null, $"{name} (README security table) is no test");
        }
    }

    [GeneratedRegex("`([A-Z][A-Za-z]+(?:\\.[A-Z][A-Za-z_]+)?)`")]
    private static partial Regex TestName();
}
