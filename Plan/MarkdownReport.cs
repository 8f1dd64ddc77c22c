using System.Text;
using Infra.Capacity;
using Infra.Cost;

using static Infra.Plan.ReportFormat;

namespace Infra.Plan;

/// <summary>The capacity and cost section as Markdown, for <c>plan --format markdown</c> and the pull-request comment.</summary>
public static class MarkdownReport
{
    public static string Render(CapacityReport capacity, CostReport cost)
    {
        var md = new StringBuilder();
        md.AppendLine("### Capacity");
        md.AppendLine();
        md.AppendLine($"Declared load: {Load(capacity)}.");
        md.AppendLine();
        md.AppendLine("| Tier | Tasks (min..max) | Task size | CPU demand / capacity at min | Memory per task / soft limit | Traces in flight / capacity at min | Tasks needed | Holds |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var tier in capacity.Tiers)
        {
            var traces = tier.Traces is { } t ? $"{Count(t.TracesInFlight)} / {Count(t.TraceCapacityPerTask * (double)tier.Size.MinTasks)}" : "-";
            md.AppendLine($"| {tier.Tier.Name} | {TaskRange(tier.Size)} | {TaskSize(tier.Size)} | {Number(tier.CpuDemandVcpu)} / {Number(tier.CpuCapacityVcpu)} vCPU "
                + $"| {Count(tier.MemoryDemandMiBPerTask)} / {tier.Memory.SoftLimitMib} MiB | {traces} | {Needed(tier)} | {Holds(tier)} |");
        }
        md.AppendLine();
        md.AppendLine("| Derived setting | " + string.Join(" | ", capacity.Tiers.Select(t => t.Tier.Name)) + " |");
        md.AppendLine("|---|" + string.Concat(capacity.Tiers.Select(_ => "---|")));
        AppendRow(md, capacity, "memory_limiter `limit_mib`", t => $"{t.Memory.LimitMib}");
        AppendRow(md, capacity, "memory_limiter `spike_limit_mib`", t => $"{t.Memory.SpikeLimitMib}");
        AppendRow(md, capacity, "`GOMEMLIMIT`", t => $"{t.Memory.GoMemLimitMib}MiB");
        var sizing = capacity.TailSampling;
        AppendRow(md, capacity, "tail_sampling `num_traces`", t => t.Traces is null ? "-" : $"{sizing.NumTraces}");
        AppendRow(md, capacity, "tail_sampling `expected_new_traces_per_sec`", t => t.Traces is null ? "-" : $"{sizing.ExpectedNewTracesPerSec}");
        AppendRow(md, capacity, "`decision_cache` sampled / non-sampled", t => t.Traces is null ? "-" : $"{sizing.SampledCacheSize} / {sizing.NonSampledCacheSize}");
        md.AppendLine();
        md.AppendLine($"### Monthly cost ({Where(cost)})");
        md.AppendLine();
        md.AppendLine($"Sampling: {KeptShare(capacity)}.");
        md.AppendLine();
        md.AppendLine("| Line item | Quantity sampled / keep all | Unit price | Sampled | Keep all | Saving |");
        md.AppendLine("|---|---|---|---:|---:|---:|");
        foreach (var line in cost.Lines)
        {
            var quantity = line.SampledQuantity.Equals(line.KeepAllQuantity)
                ? $"{Number(line.SampledQuantity)} {line.Unit}"
                : $"{Number(line.SampledQuantity)} / {Number(line.KeepAllQuantity)} {line.Unit}";
            md.AppendLine(line.Price is { } price
                ? $"| {line.Item} | {quantity} | {UnitPrice(price.UnitPrice)} per {price.Unit}{(price.FreeUnitsPerMonth > 0 ? $", {Number((double)price.FreeUnitsPerMonth)} free" : "")} "
                  + $"| {Money(line.SampledCost!.Value)} | {Money(line.KeepAllCost!.Value)} | {Money(line.Saving!.Value)} |"
                : $"| {line.Item} | {quantity} | {NotPriced(line)} | - | - | - |");
        }
        md.AppendLine($"| **Total (priced lines)** | | | **{Money(cost.SampledTotal)}** | **{Money(cost.KeepAllTotal)}** | **{Money(cost.Saving)}** |");
        md.AppendLine();
        if (cost.UnpricedLines.Count > 0)
        {
            md.AppendLine($"Not in the total (no price for the region): {string.Join(", ", cost.UnpricedLines.Select(l => $"{l.Item} ({l.Region})"))}.");
            md.AppendLine();
        }
        md.AppendLine("<details><summary>Assumptions and price sources</summary>");
        md.AppendLine();
        foreach (var assumption in CostModel.Assumptions)
        {
            md.AppendLine($"- {assumption}");
        }
        foreach (var source in PriceSources(cost))
        {
            md.AppendLine($"- {source}");
        }
        md.AppendLine();
        md.AppendLine("</details>");
        return md.ToString();
    }

    private static void AppendRow(StringBuilder md, CapacityReport capacity, string label, Func<TierReport, string> value) =>
        md.AppendLine($"| {label} | {string.Join(" | ", capacity.Tiers.Select(value))} |");
}
