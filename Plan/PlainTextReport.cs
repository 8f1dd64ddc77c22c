using System.Text;
using Infra.Capacity;
using Infra.Cost;

using static Infra.Plan.ReportFormat;

namespace Infra.Plan;

/// <summary>The capacity and cost section that ends <c>plan</c>: a pure function of the two reports.</summary>
public static class PlainTextReport
{
    public static string Render(CapacityReport capacity, CostReport cost)
    {
        var text = new StringBuilder();
        text.AppendLine($"Capacity ({Load(capacity)}):");
        foreach (var tier in capacity.Tiers)
        {
            text.AppendLine($"  {tier.Tier.Name}: {TaskRange(tier.Size)} x ({TaskSize(tier.Size)}); needs {Needed(tier)} at the declared load; holds it: {Holds(tier)}");
            text.AppendLine($"    CPU {Number(tier.CpuDemandVcpu)} of {Number(tier.CpuCapacityVcpu)} vCPU at minimum ({Count(tier.SpansPerSecondCapacity)} spans/s)");
            text.AppendLine($"    memory {Count(tier.MemoryDemandMiBPerTask)} MiB per task of a {tier.Memory.SoftLimitMib} MiB soft limit "
                + $"(memory_limiter limit_mib {tier.Memory.LimitMib}, spike_limit_mib {tier.Memory.SpikeLimitMib}; GOMEMLIMIT {tier.Memory.GoMemLimitMib}MiB)");
            if (tier.Traces is { } traces)
            {
                text.AppendLine($"    traces in flight {Count(traces.TracesInFlight)} of {Count(traces.TraceCapacityPerTask * (double)tier.Size.MinTasks)} at minimum "
                    + $"({Number(traces.BytesPerTrace / 1000)} KB each)");
            }
        }
        var sizing = capacity.TailSampling;
        text.AppendLine($"  tail_sampling per sampler task: num_traces {sizing.NumTraces}, expected_new_traces_per_sec {sizing.ExpectedNewTracesPerSec}, "
            + $"decision_cache sampled {sizing.SampledCacheSize} / non-sampled {sizing.NonSampledCacheSize}"
            + (sizing.NumTracesFitInMemory ? "" : " (num_traces exceeds what one task's memory holds: memory_limiter will refuse data first)"));
        text.AppendLine();
        text.AppendLine($"Monthly cost, {Where(cost)} ({KeptShare(capacity)}):");
        var width = cost.Lines.Max(l => l.Item.Length) + 2;
        text.AppendLine($"  {"item".PadRight(width)}{"sampled",12}{"keep all",12}{"saving",12}");
        foreach (var line in cost.Lines)
        {
            text.AppendLine(line.IsPriced
                ? $"  {line.Item.PadRight(width)}{Money(line.SampledCost!.Value),12}{Money(line.KeepAllCost!.Value),12}{Money(line.Saving!.Value),12}"
                : $"  {line.Item.PadRight(width)}  {NotPriced(line)}");
        }
        text.AppendLine($"  {"total (priced lines)".PadRight(width)}{Money(cost.SampledTotal),12}{Money(cost.KeepAllTotal),12}{Money(cost.Saving),12}");
        if (cost.UnpricedLines.Count > 0)
        {
            text.AppendLine($"  Not in the total: {string.Join(", ", cost.UnpricedLines.Select(l => $"{l.Item} ({l.Region})"))}: no price in the table for that region.");
        }
        text.AppendLine("  Prices and sources: Cost/PriceTable.cs; assumptions: docs/capacity-and-cost.md.");
        return text.ToString();
    }
}
