using Infra.Settings;
using Infra.Settings.Topology;

using static Infra.Capacity.CapacityWording;

namespace Infra.Capacity;

/// <summary>
/// Refuses a stack the plan does not hold: a tier whose minimum count runs above its autoscaling target at the declared
/// average (the model prices the minimum, so the autoscaler must keep exactly that), a peak that needs more than the
/// maximum count, a peak the tier cannot carry after its planned loss, and a derived num_traces that does not fit a
/// sampler task's memory. Each message names the keys, the demand and the capacity, and what to raise.
/// </summary>
public static class CapacityCheck
{
    /// <param name="derivedNumTraces">False when <c>numTraces</c> is set: the override is checked on its own.</param>
    public static IReadOnlyList<string> Problems(CapacityReport report, bool derivedNumTraces = true)
    {
        var problems = new List<string>();
        var sampler = report.Sampler;
        if (sampler.Traces!.TraceCapacityPerTask == 0)
        {
            problems.Add(NoRoomForTraces(sampler));
        }
        else if (derivedNumTraces && !report.TailSampling.NumTracesFitInMemory)
        {
            problems.Add(NumTracesDoNotFit(report, MinTasksForNumTraces(report)));
        }
        foreach (var tier in report.Tiers)
        {
            if (tier.Traces is { TraceCapacityPerTask: 0 })
            {
                continue;
            }
            if (tier.Traces is null && tier.Memory.SoftLimitMib < SizingConstants.CollectorBaseFootprintMiB)
            {
                problems.Add(NoRoomForCollector(tier));
                continue;
            }
            if (!tier.Tier.Autoscaled)
            {
                if (!tier.Peak.WithinHardLimits)
                {
                    problems.Add(SingleTaskAtPeak(report, tier));
                }
                continue;
            }
            if (!tier.AverageWithinTargets)
            {
                problems.Add(AboveTargetAtAverage(report, tier));
            }
            else if (!tier.PeakWithinMaximum)
            {
                problems.Add(PeakAboveMaximum(report, tier));
            }
            else if (!tier.SurvivesLoss)
            {
                problems.Add(LossAtPeak(report, tier));
            }
        }
        return problems;
    }

    /// <summary>Throws a <see cref="UserError"/> naming the first problem, prefixed with where the settings came from.</summary>
    public static void EnsureHolds(CapacityReport report, string source, bool derivedNumTraces = true)
    {
        var problems = Problems(report, derivedNumTraces);
        if (problems.Count > 0)
        {
            var more = problems.Count > 1 ? $" ({problems.Count - 1} more capacity problem{(problems.Count > 2 ? "s" : "")} after this one.)" : "";
            throw new UserError($"{source}: {problems[0]}{more}");
        }
    }

    /// <summary>Fewest sampler tasks (up to the setting's ceiling) whose derived num_traces fits a task; null when none does.</summary>
    private static int? MinTasksForNumTraces(CapacityReport report)
    {
        var sampler = report.Sampler;
        if (sampler.Tier.Keys.MinTasks is null)
        {
            return null;
        }
        for (var tasks = sampler.Size.MinTasks + 1; tasks <= MaxMinTasks; tasks++)
        {
            var size = new TierSize(sampler.Size.CpuUnits, sampler.Size.MemoryMiB, tasks, Math.Max(tasks, sampler.Size.MaxTasks));
            var capacity = sampler.Capacity with { Tier = sampler.Tier with { Size = size } };
            var plan = CapacityModel.Plan(capacity, report.Traffic.TracesPerSecond, report.Planning);
            if (CapacityModel.TailSampling(report.Traffic, report.Sampling, plan).NumTracesFitInMemory)
            {
                return tasks;
            }
        }
        return null;
    }

    /// <summary>The largest minimum count a tier's setting allows (samplerMinTasks, routerMinTasks: 1..50).</summary>
    private const int MaxMinTasks = 50;
}
