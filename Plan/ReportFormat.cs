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

    public static string Count(double value) => double.IsInfinity(value) ? "-" : Math.Round(value).ToString("#,0", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>A utilisation already in percent; an infinite one (no task left) as a dash.</summary>
    public static string Utilisation(double percent) => double.IsInfinity(percent) ? "-" : percent.ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string TaskSize(TierSize size) => $"{Number(size.Vcpu)} vCPU, {size.MemoryMiB} MiB";

    public static string TaskRange(TierSize size) => size.MinTasks == size.MaxTasks ? $"{size.MinTasks}" : $"{size.MinTasks}..{size.MaxTasks}";

    public static string Holds(TierReport tier) => tier.Holds ? "yes" : "NO";

    /// <summary>What the autoscaler keeps each tier at, or that it does not scale.</summary>
    public static string Targets(TierSpec tier) => tier.Autoscaled
        ? string.Join(", ", tier.Scaling.Select(rule => $"{rule.Name} {Number(rule.TargetPercent)}%"))
        : "none (one task)";

    public static string Load(TierLoad load) =>
        $"{load.Tasks} task{(load.Tasks == 1 ? "" : "s")}, CPU {Utilisation(load.CpuPercent)}, memory {Utilisation(load.MemoryPercent)}";

    public static string Traces(TierLoad load) => load.TracesInFlightPerTask is { } traces ? Count(traces) : "-";

    public static string Load(CapacityReport capacity)
    {
        var traffic = capacity.Traffic;
        return $"{Number(traffic.TracesPerSecond)} traces/s x {Number(traffic.SpansPerTrace)} spans = {Count(traffic.SpansPerSecond)} spans/s "
            + $"of {Number(traffic.AverageSpanBytes)} bytes; decision wait {capacity.Sampling.DecisionWaitSeconds} s; "
            + $"peak x{Number(capacity.Planning.PeakFactor)} = {Number(capacity.PeakTracesPerSecond)} traces/s";
    }

    public static string KeptShare(CapacityReport capacity)
    {
        var traffic = capacity.Traffic;
        return $"{Percent(capacity.KeptTraceShare)} of traces kept: errors {Percent(traffic.ErrorTraceShare)} + slow {Percent(traffic.SlowTraceShare)} "
            + $"+ {Number(capacity.Sampling.SamplingPercentage)}% of the rest";
    }

    public static string Where(CostReport cost) => $"{cost.AwsRegion} + {cost.AzureLocation}, {cost.Architecture}";

    public static string NotPriced(CostLine line) => $"not priced for {line.Region}";

    /// <summary>Each tier's minimum and peak-hour count, and what an hour at peak adds.</summary>
    public static string TaskCounts(CostReport cost) => string.Join("; ", cost.Tasks.Select(t =>
        $"{t.Tier} {t.MinTasks} all month, {t.PeakTasks} at peak" + (t.PeakHourExtra is { } extra && t.PeakTasks > t.MinTasks ? $" (+{UnitPrice(extra)} per hour at peak)" : "")));

    public static string TotalLabel(CostReport cost) => cost.Partial
        ? $"Total (partial: {cost.UnpricedLines.Count} line{(cost.UnpricedLines.Count == 1 ? "" : "s")} not priced)"
        : "Total";

    public static string PartialNote(CostReport cost) =>
        $"Partial: the total leaves out {string.Join(", ", cost.UnpricedLines.Select(l => $"{l.Item} ({l.Region})"))}: no price with a source was found for that region "
        + "(docs/capacity-and-cost.md, \"Not priced\").";

    /// <summary>Each price a report used, once, with the lines that used it, its source and the date it was read.</summary>
    public static IEnumerable<string> PriceSources(CostReport cost) =>
        cost.Lines.Where(l => l.Price is not null)
            .GroupBy(l => l.Price!)
            .Select(g => $"{string.Join(", ", g.Select(l => l.Item))} ({g.Key.Region}): {UnitPrice(g.Key.UnitPrice)} per {g.Key.Unit}, "
                + $"{g.Key.Source}, read {g.Key.Read:yyyy-MM-dd}{(g.Key.Note is null ? "" : $" ({g.Key.Note})")}");
}
