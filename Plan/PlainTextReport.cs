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
            text.AppendLine($"  {tier.Tier.Name}: {TaskRange(tier.Size)} x ({TaskSize(tier.Size)}); autoscaling target {Targets(tier.Tier)}; holds the plan: {Holds(tier)}");
            text.AppendLine($"    average on the minimum: {Load(tier.Average)}{TracesNote(tier.Average)}");
            text.AppendLine($"    peak: {Load(tier.Peak)}{TracesNote(tier.Peak)}");
            if (tier.Loss is { } loss)
            {
                text.AppendLine($"    peak, {loss.Case} ({loss.TasksLost} lost): {Load(loss.Survivors)}{TracesNote(loss.Survivors)}");
            }
            text.AppendLine($"    memory_limiter limit_mib {tier.Memory.LimitMib}, spike_limit_mib {tier.Memory.SpikeLimitMib} (soft limit {tier.Memory.SoftLimitMib} MiB); GOMEMLIMIT {tier.Memory.GoMemLimitMib}MiB"
                + (tier.Traces is { } traces ? $"; a task holds {Count(traces.TraceCapacityPerTask)} traces of {Number(traces.BytesPerTrace / 1000)} KB" : ""));
        }
        var sizing = capacity.TailSampling;
        text.AppendLine($"  tail_sampling per sampler task: num_traces {sizing.NumTraces}, expected_new_traces_per_sec {sizing.ExpectedNewTracesPerSec}, "
            + $"decision_cache sampled {sizing.SampledCacheSize} / non-sampled {sizing.NonSampledCacheSize}"
            + (sizing.NumTracesFitInMemory ? "" : " (NO: num_traces exceeds what one task's memory holds)"));
        text.AppendLine();
        text.AppendLine($"Monthly cost, {Where(cost)} ({KeptShare(capacity)}):");
        text.AppendLine($"  tasks: {TaskCounts(cost)}");
        var width = Math.Max(cost.Lines.Max(l => l.Item.Length), TotalLabel(cost).Length) + 2;
        text.AppendLine($"  {"item".PadRight(width)}{"sampled",12}{"keep all",12}{"saving",12}");
        foreach (var line in cost.Lines)
        {
            text.AppendLine(line.IsPriced
                ? $"  {line.Item.PadRight(width)}{Money(line.SampledCost!.Value),12}{Money(line.KeepAllCost!.Value),12}{Money(line.Saving!.Value),12}"
                : $"  {line.Item.PadRight(width)}  {NotPriced(line)}");
        }
        text.AppendLine($"  {TotalLabel(cost).ToLowerInvariant().PadRight(width)}{Money(cost.SampledTotal),12}{Money(cost.KeepAllTotal),12}{Money(cost.Saving),12}");
        if (cost.Partial)
        {
            text.AppendLine($"  {PartialNote(cost)}");
        }
        text.AppendLine("  Prices and sources: Cost/PriceTable.cs; assumptions: docs/capacity-and-cost.md.");
        return text.ToString();
    }

    private static string TracesNote(TierLoad load) => load.TracesInFlightPerTask is { } traces && !double.IsInfinity(traces) ? $", {Count(traces)} traces in flight per task" : "";
}
