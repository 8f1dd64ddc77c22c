using System.Globalization;
using Infra.Capacity;
using Infra.Cost;
using Infra.Settings.Topology;

namespace Infra.Plan;

/// <summary>Number and label formatting shared by the plain-text and Markdown reports (invariant culture).</summary>
internal static class ReportFormat
{
    public static string Money(decimal value) => value.ToString("$#,0.00", CultureInfo.InvariantCulture);

    public static string UnitPrice(decimal value) => value.ToString("$0.00####", CultureInfo.InvariantCulture);

    public static string Count(double value) => Math.Round(value).ToString("#,0", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string TaskSize(TierSize size) => $"{Number(size.Vcpu)} vCPU, {size.MemoryMiB} MiB";

    public static string TaskRange(TierSize size) => size.MinTasks == size.MaxTasks ? $"{size.MinTasks}" : $"{size.MinTasks}..{size.MaxTasks}";

    public static string Needed(TierReport tier) => tier.TasksNeeded is { } needed ? $"{needed}" : "none fits";

    public static string Holds(TierReport tier) => tier.HoldsDeclaredLoad ? "yes" : "NO";

    public static string Load(CapacityReport capacity)
    {
        var traffic = capacity.Traffic;
        return $"{Number(traffic.TracesPerSecond)} traces/s x {Number(traffic.SpansPerTrace)} spans = {Count(traffic.SpansPerSecond)} spans/s "
            + $"of {Number(traffic.AverageSpanBytes)} bytes; decision wait {capacity.Sampling.DecisionWaitSeconds} s";
    }

    public static string KeptShare(CapacityReport capacity)
    {
        var traffic = capacity.Traffic;
        return $"{Percent(capacity.KeptTraceShare)} of traces kept: errors {Percent(traffic.ErrorTraceShare)} + slow {Percent(traffic.SlowTraceShare)} "
            + $"+ {Number(capacity.Sampling.SamplingPercentage)}% of the rest";
    }

    public static string Where(CostReport cost) => $"{cost.AwsRegion} + {cost.AzureLocation}, {cost.Architecture}";

    public static string NotPriced(CostLine line) => $"not priced for {line.Region}";

    /// <summary>Each price a report used, once, with the lines that used it, its source and the date it was read.</summary>
    public static IEnumerable<string> PriceSources(CostReport cost) =>
        cost.Lines.Where(l => l.Price is not null)
            .GroupBy(l => l.Price!)
            .Select(g => $"{string.Join(", ", g.Select(l => l.Item))} ({g.Key.Region}): {UnitPrice(g.Key.UnitPrice)} per {g.Key.Unit}, "
                + $"{g.Key.Source}, read {g.Key.Read:yyyy-MM-dd}{(g.Key.Note is null ? "" : $" ({g.Key.Note})")}");
}
