using System.Globalization;
using Infra.Settings;

namespace Infra.Capacity;

/// <summary>
/// Refuses a stack whose minimum capacity (minimum tasks x per-task capacity) cannot hold the declared load.
/// Each message names the keys, the demand and the capacity, and what to raise.
/// </summary>
public static class CapacityCheck
{
    public static IReadOnlyList<string> Problems(CapacityReport report, CapacityKeys keys)
    {
        var problems = new List<string>();
        var tiered = report.Tiers.IsTiered;
        var sampler = report.Sampler;
        if (sampler.TasksNeededForMemory is not { } memoryTasks || memoryTasks > sampler.Size.MinTasks)
        {
            problems.Add(SamplerMemory(report, keys, tiered));
        }
        if (sampler.TasksNeededForCpu > sampler.Size.MinTasks)
        {
            problems.Add(tiered
                ? TieredCpu(report.Traffic, sampler, keys.SamplerMinTasks, keys.SamplerTaskCpu, keys.SamplerMaxTasks, "with tail sampling", keys)
                : $"{keys.TaskCpu} = {sampler.Size.CpuUnits} ({Number(sampler.Size.Vcpu)} vCPU) handles {Count(sampler.SpansPerSecondCapacity)} spans/s with tail sampling "
                  + $"({Count(sampler.SpansPerVcpu)} per vCPU), but {Sends(report.Traffic, keys)}: raise {keys.TaskCpu} (a Fargate pair with {keys.TaskMemory}), "
                  + "or use the tiered topology.");
        }
        if (report.Router is { } router)
        {
            if (router.TasksNeededForCpu > router.Size.MinTasks)
            {
                problems.Add(TieredCpu(report.Traffic, router, keys.RouterMinTasks, keys.RouterTaskCpu, keys.RouterMaxTasks, "routing", keys));
            }
            if (router.TasksNeededForMemory is null)
            {
                problems.Add($"{keys.RouterTaskMemory} = {router.Size.MemoryMiB} MiB leaves {router.Memory.SoftLimitMib} MiB below the memory_limiter soft limit, "
                    + $"less than the {Number(SizingConstants.CollectorBaseFootprintMiB)} MiB a collector process needs: raise {keys.RouterTaskMemory}.");
            }
        }
        return problems;
    }

    /// <summary>Throws a <see cref="UserError"/> naming the first problem, prefixed with where the settings came from.</summary>
    public static void EnsureHolds(CapacityReport report, CapacityKeys keys, string source)
    {
        var problems = Problems(report, keys);
        if (problems.Count > 0)
        {
            var more = problems.Count > 1 ? $" ({problems.Count - 1} more capacity problem{(problems.Count > 2 ? "s" : "")} after this one.)" : "";
            throw new UserError($"{source}: {problems[0]}{more}");
        }
    }

    private static string SamplerMemory(CapacityReport report, CapacityKeys keys, bool tiered)
    {
        var sampler = report.Sampler;
        var traces = sampler.Traces!;
        var memoryKey = tiered ? keys.SamplerTaskMemory : keys.TaskMemory;
        var traffic = report.Traffic;
        if (sampler.TasksNeededForMemory is null)
        {
            return $"{memoryKey} = {sampler.Size.MemoryMiB} MiB leaves no room for traces: its memory_limiter soft limit is {sampler.Memory.SoftLimitMib} MiB "
                + $"and the collector itself takes {Number(SizingConstants.CollectorBaseFootprintMiB)} MiB. Raise {memoryKey}.";
        }
        var holder = tiered
            ? $"{keys.SamplerMinTasks} = {sampler.Size.MinTasks} x {memoryKey} = {sampler.Size.MemoryMiB} MiB hold"
            : $"{memoryKey} = {sampler.Size.MemoryMiB} MiB holds";
        var perTrace = $"each trace takes about {Number(traces.BytesPerTrace / 1000, "0.#")} KB: {keys.SpansPerTrace} = {Number(traffic.SpansPerTrace)} x "
            + $"{keys.AverageSpanBytes} = {Number(traffic.AverageSpanBytes)} bytes x {Number(SizingConstants.InMemoryOverheadFactor)} decoded in memory, "
            + $"plus {Number(traces.CacheBytesPerTrace / 1000, "0.#")} KB of decision caches";
        var fix = tiered
            ? $"raise {keys.SamplerMinTasks} to at least {sampler.TasksNeededForMemory}{MaxTasksNote(sampler, keys.SamplerMaxTasks)} or raise {memoryKey}, or lower {keys.DecisionWaitSeconds}."
            : $"raise {memoryKey} (a Fargate pair with {keys.TaskCpu}) or lower {keys.DecisionWaitSeconds}; beyond one task, use the tiered topology.";
        return $"{holder} {Count(traces.TraceCapacityPerTask * (double)sampler.Size.MinTasks)} traces in flight, but {keys.ExpectedNewTracesPerSec} = "
            + $"{Number(traffic.TracesPerSecond)} x {keys.DecisionWaitSeconds} = {report.Sampling.DecisionWaitSeconds} needs {Count(traces.TracesInFlight)} "
            + $"({perTrace}): {fix}";
    }

    private static string TieredCpu(TrafficProfile traffic, TierReport tier, string minTasksKey, string cpuKey, string maxTasksKey, string work, CapacityKeys keys) =>
        $"{minTasksKey} = {tier.Size.MinTasks} x {cpuKey} = {tier.Size.CpuUnits} ({Number(tier.Size.Vcpu)} vCPU) handle {Count(tier.SpansPerSecondCapacity)} spans/s {work} "
        + $"({Count(tier.SpansPerVcpu)} per vCPU), but {Sends(traffic, keys)}: raise {minTasksKey} to at least {tier.TasksNeededForCpu}"
        + $"{MaxTasksNote(tier, maxTasksKey, tier.TasksNeededForCpu)} or raise {cpuKey}.";

    private static string Sends(TrafficProfile traffic, CapacityKeys keys) =>
        $"{keys.ExpectedNewTracesPerSec} = {Number(traffic.TracesPerSecond)} x {keys.SpansPerTrace} = {Number(traffic.SpansPerTrace)} sends {Count(traffic.SpansPerSecond)} spans/s";

    private static string MaxTasksNote(TierReport tier, string maxTasksKey, int? needed = null)
    {
        var tasks = needed ?? tier.TasksNeededForMemory ?? 0;
        return tasks > tier.Size.MaxTasks ? $" (and {maxTasksKey}, now {tier.Size.MaxTasks}, with it)" : "";
    }

    private static string Count(double value) => Math.Floor(value).ToString("#,0", CultureInfo.InvariantCulture);

    private static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);
}
