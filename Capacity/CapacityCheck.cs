using System.Globalization;
using Infra.Settings;

namespace Infra.Capacity;

/// <summary>
/// Refuses a stack whose minimum capacity (minimum tasks x per-task capacity) cannot hold the declared load.
/// Each message names the keys, the demand and the capacity, and what to raise.
/// </summary>
public static class CapacityCheck
{
    public static IReadOnlyList<string> Problems(CapacityReport report)
    {
        var problems = new List<string>();
        var sampler = report.Sampler;
        if (sampler.TasksNeededForMemory is not { } memoryTasks || memoryTasks > sampler.Size.MinTasks)
        {
            problems.Add(SamplerMemory(report));
        }
        if (sampler.TasksNeededForCpu > sampler.Size.MinTasks)
        {
            var keys = sampler.Tier.Keys;
            problems.Add(keys.MinTasks is not null
                ? CountedCpu(report.Traffic, sampler, "with tail sampling")
                : $"{Key(keys.TaskCpu)} = {sampler.Size.CpuUnits} ({Number(sampler.Size.Vcpu)} vCPU) handles {Count(sampler.SpansPerSecondCapacity)} spans/s with tail sampling "
                  + $"({Count(sampler.SpansPerVcpu)} per vCPU), but {Sends(report.Traffic)}: raise {Key(keys.TaskCpu)} (a Fargate pair with {Key(keys.TaskMemory)}), "
                  + "or use the tiered topology.");
        }
        if (report.Router is { } router)
        {
            if (router.TasksNeededForCpu > router.Size.MinTasks)
            {
                problems.Add(CountedCpu(report.Traffic, router, "routing"));
            }
            if (router.TasksNeededForMemory is null)
            {
                var memoryKey = Key(router.Tier.Keys.TaskMemory);
                problems.Add($"{memoryKey} = {router.Size.MemoryMiB} MiB leaves {router.Memory.SoftLimitMib} MiB below the memory_limiter soft limit, "
                    + $"less than the {Number(SizingConstants.CollectorBaseFootprintMiB)} MiB a collector process needs: raise {memoryKey}.");
            }
        }
        return problems;
    }

    /// <summary>Throws a <see cref="UserError"/> naming the first problem, prefixed with where the settings came from.</summary>
    public static void EnsureHolds(CapacityReport report, string source)
    {
        var problems = Problems(report);
        if (problems.Count > 0)
        {
            var more = problems.Count > 1 ? $" ({problems.Count - 1} more capacity problem{(problems.Count > 2 ? "s" : "")} after this one.)" : "";
            throw new UserError($"{source}: {problems[0]}{more}");
        }
    }

    private static string SamplerMemory(CapacityReport report)
    {
        var sampler = report.Sampler;
        var traces = sampler.Traces!;
        var tierKeys = sampler.Tier.Keys;
        var memoryKey = Key(tierKeys.TaskMemory);
        var traffic = report.Traffic;
        if (sampler.TasksNeededForMemory is null)
        {
            return $"{memoryKey} = {sampler.Size.MemoryMiB} MiB leaves no room for traces: its memory_limiter soft limit is {sampler.Memory.SoftLimitMib} MiB "
                + $"and the collector itself takes {Number(SizingConstants.CollectorBaseFootprintMiB)} MiB. Raise {memoryKey}.";
        }
        var decisionWaitKey = Key(SettingKeys.DecisionWaitSeconds);
        var holder = tierKeys.MinTasks is { } minTasks
            ? $"{Key(minTasks)} = {sampler.Size.MinTasks} x {memoryKey} = {sampler.Size.MemoryMiB} MiB hold"
            : $"{memoryKey} = {sampler.Size.MemoryMiB} MiB holds";
        var perTrace = $"each trace takes about {Number(traces.BytesPerTrace / 1000, "0.#")} KB: {Key(SettingKeys.SpansPerTrace)} = {Number(traffic.SpansPerTrace)} x "
            + $"{Key(SettingKeys.AverageSpanBytes)} = {Number(traffic.AverageSpanBytes)} bytes x {Number(SizingConstants.InMemoryOverheadFactor)} decoded in memory, "
            + $"plus {Number(traces.CacheBytesPerTrace / 1000, "0.#")} KB of decision caches";
        var fix = tierKeys.MinTasks is { } minKey
            ? $"raise {Key(minKey)} to at least {sampler.TasksNeededForMemory}{MaxTasksNote(sampler)} or raise {memoryKey}, or lower {decisionWaitKey}."
            : $"raise {memoryKey} (a Fargate pair with {Key(tierKeys.TaskCpu)}) or lower {decisionWaitKey}; beyond one task, use the tiered topology.";
        return $"{holder} {Count(traces.TraceCapacityPerTask * (double)sampler.Size.MinTasks)} traces in flight, but {Key(SettingKeys.ExpectedNewTracesPerSec)} = "
            + $"{Number(traffic.TracesPerSecond)} x {decisionWaitKey} = {report.Sampling.DecisionWaitSeconds} needs {Count(traces.TracesInFlight)} "
            + $"({perTrace}): {fix}";
    }

    /// <summary>CPU of a tier with a task count: raise the count (and the maximum with it) or the task size.</summary>
    private static string CountedCpu(TrafficProfile traffic, TierReport tier, string work)
    {
        var minTasksKey = Key(tier.Tier.Keys.MinTasks!);
        var cpuKey = Key(tier.Tier.Keys.TaskCpu);
        return $"{minTasksKey} = {tier.Size.MinTasks} x {cpuKey} = {tier.Size.CpuUnits} ({Number(tier.Size.Vcpu)} vCPU) handle {Count(tier.SpansPerSecondCapacity)} spans/s {work} "
            + $"({Count(tier.SpansPerVcpu)} per vCPU), but {Sends(traffic)}: raise {minTasksKey} to at least {tier.TasksNeededForCpu}"
            + $"{MaxTasksNote(tier, tier.TasksNeededForCpu)} or raise {cpuKey}.";
    }

    private static string Sends(TrafficProfile traffic) =>
        $"{Key(SettingKeys.ExpectedNewTracesPerSec)} = {Number(traffic.TracesPerSecond)} x {Key(SettingKeys.SpansPerTrace)} = {Number(traffic.SpansPerTrace)} sends {Count(traffic.SpansPerSecond)} spans/s";

    private static string MaxTasksNote(TierReport tier, int? needed = null)
    {
        var tasks = needed ?? tier.TasksNeededForMemory ?? 0;
        return tasks > tier.Size.MaxTasks && tier.Tier.Keys.MaxTasks is { } maxTasksKey ? $" (and {Key(maxTasksKey)}, now {tier.Size.MaxTasks}, with it)" : "";
    }

    private static string Key(Setting setting) => SettingKeys.Qualified(setting);

    private static string Count(double value) => Math.Floor(value).ToString("#,0", CultureInfo.InvariantCulture);

    private static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);
}
