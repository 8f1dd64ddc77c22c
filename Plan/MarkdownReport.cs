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
        md.AppendLine($"Declared load: {Load(capacity)}. Planned loss at peak: {capacity.Planning.LossCase}.");
        md.AppendLine();
        md.AppendLine("| Tier | Tasks (min..max) | Task size | Autoscaling target | Average on the minimum | Peak | Peak after the loss | Traces per task: average / worst / a task holds | Holds |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var tier in capacity.Tiers)
        {
            var traces = tier.Traces is { } t ? $"{Traces(tier.Average)} / {Count(capacity.TailSampling.WorstTracesPerTask)} / {Count(t.TraceCapacityPerTask)}" : "-";
            var loss = tier.Loss is { } l ? $"{Load(l.Survivors)} ({l.TasksLost} lost)" : "-";
            md.AppendLine($"| {tier.Tier.Name} | {TaskRange(tier.Size)} | {TaskSize(tier.Size)} | {Targets(tier.Tier)} | {Load(tier.Average)} | {Load(tier.Peak)} | {loss} | {traces} | {Holds(tier)} |");
        }
        md.AppendLine();
        md.AppendLine("| Derived setting | " + string.Join(" | ", capacity.Tiers.Select(t => t.Tier.Name)) + " |");
        md.AppendLine("|---|" + string.Concat(capacity.Tiers.Select(_ => "---|")));
        AppendRow(md, capacity, "memory_limiter `limit_mib`", t => $"{t.Memory.LimitMib}");
        AppendRow(md, capacity, "memory_limiter `spike_limit_mib`", t => $"{t.Memory.SpikeLimitMib}");
        AppendRow(md, capacity, "`GOMEMLIMIT`", t => $"{t.Memory.GoMemLimitMib}MiB");
        var sizing = capacity.TailSampling;
        AppendRow(md, capacity, "tail_sampling `num_traces`", t => t.Traces is null ? "-" : $"{sizing.NumTraces}{(sizing.NumTracesFitInMemory ? "" : " (does not fit)")}");
        AppendRow(md, capacity, "tail_sampling `expected_new_traces_per_sec`", t => t.Traces is null ? "-" : $"{sizing.ExpectedNewTracesPerSec}");
        AppendRow(md, capacity, "`decision_cache` sampled / non-sampled", t => t.Traces is null ? "-" : $"{sizing.SampledCacheSize} / {sizing.NonSampledCacheSize}");
        md.AppendLine();
        md.AppendLine($"### Monthly cost ({Where(cost)}){(cost.Partial ? ": partial" : "")}");
        md.AppendLine();
        md.AppendLine($"Sampling: {KeptShare(capacity)}. Tasks: {TaskCounts(cost)}.");
        md.AppendLine();
        md.AppendLine("| Line item | Quantity sampled / keep all | Unit price | Sampled | Keep all | Saving |");
        md.AppendLine("|---|---|---|---:|---:|---:|");
        foreach (var line in cost.Lines)
        {
            var quantity = line.SampledQuantity.Equals(line.KeepAllQuantity)
                ? $"{Number(line.SampledQuantity)} {line.Unit}"
                : $"{Number(line.SampledQuantity)} / {Number(line.KeepAllQuantity)} {line.Unit}";
            var unitPrice = line.Price is { } price
                ? $"{UnitPrice(price.UnitPrice)} per {price.Unit}{(price.FreeUnitsPerMonth > 0 ? $", {Number((double)price.FreeUnitsPerMonth)} free" : "")}"
                : line.NothingBilled ? "nothing to bill" : NotPriced(line);
            md.AppendLine(line.IsPriced
                ? $"| {line.Item} | {quantity} | {unitPrice} | {Money(line.SampledCost!.Value)} | {Money(line.KeepAllCost!.Value)} | {Money(line.Saving!.Value)} |"
                : $"| {line.Item} | {quantity} | {unitPrice} | - | - | - |");
        }
        md.AppendLine($"| **{TotalLabel(cost)}** | | | **{Money(cost.SampledTotal)}** | **{Money(cost.KeepAllTotal)}** | **{Money(cost.Saving)}** |");
        md.AppendLine();
        if (cost.Partial)
        {
            md.AppendLine($"**{PartialNote(cost)}**");
            md.AppendLine();
        }
        md.AppendLine("<details><summary>Assumptions and price sources</summary>");
        md.AppendLine();
        foreach (var assumption in CostAssumptions.For(cost))
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
