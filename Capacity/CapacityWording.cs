using System.Globalization;
using Infra.Settings;

namespace Infra.Capacity;

/// <summary>The refusals' wording: each names the keys and their values, the demand, the capacity, and the fix.</summary>
internal static class CapacityWording
{
    public static string NoRoomForTraces(TierReport sampler)
    {
        var memoryKey = Key(sampler.Tier.Keys.TaskMemory);
        return $"{memoryKey} = {sampler.Size.MemoryMiB} MiB leaves no room for traces: its memory_limiter soft limit is {sampler.Memory.SoftLimitMib} MiB "
            + $"and the collector itself takes {Number(SizingConstants.CollectorBaseFootprintMiB)} MiB. Raise {memoryKey}.";
    }

    public static string NoRoomForCollector(TierReport tier)
    {
        var memoryKey = Key(tier.Tier.Keys.TaskMemory);
        return $"{memoryKey} = {tier.Size.MemoryMiB} MiB leaves {tier.Memory.SoftLimitMib} MiB below the memory_limiter soft limit, "
            + $"less than the {Number(SizingConstants.CollectorBaseFootprintMiB)} MiB a collector process needs: raise {memoryKey}.";
    }

    public static string NumTracesDoNotFit(CapacityReport report, int? raiseTo)
    {
        var sampler = report.Sampler;
        var keys = sampler.Tier.Keys;
        var memoryKey = Key(keys.TaskMemory);
        var waitKey = Key(SettingKeys.DecisionWaitSeconds);
        var wait = report.Sampling.DecisionWaitSeconds;
        var traces = sampler.Traces!;
        var head = $"tail_sampling num_traces ({Key(SettingKeys.NumTraces)} empty, so derived) = {Count(report.TailSampling.NumTraces)} per {sampler.Tier.Name} task does not fit: "
            + $"a task of {memoryKey} = {sampler.Size.MemoryMiB} MiB holds {Count(traces.TraceCapacityPerTask)} traces below its memory_limiter soft limit ({PerTrace(report)}). ";
        var headroom = Number(SizingConstants.NumTracesHeadroom);
        if (keys.MinTasks is not { } minKey || sampler.Loss is not { } loss)
        {
            return head + $"num_traces is the larger of {headroom} x {Key(SettingKeys.ExpectedNewTracesPerSec)} = {Number(report.Traffic.TracesPerSecond)} x {waitKey} = {wait} and the peak, "
                + $"{Key(SettingKeys.PeakFactor)} = {Number(report.Planning.PeakFactor)} x that: {Count(report.PeakTracesPerSecond * wait)}: raise {memoryKey} (a Fargate pair with {Key(keys.TaskCpu)}) or lower {waitKey}; beyond one task, use the tiered topology.";
        }
        var min = sampler.Size.MinTasks;
        var averageShare = report.Traffic.TracesPerSecond / min * wait;
        var survivors = Math.Max(1, loss.Survivors.Tasks);
        var fix = raiseTo is { } tasks
            ? $"raise {Key(minKey)} to at least {tasks}{MaxTasksNote(sampler, tasks)} or raise {memoryKey}, or lower {waitKey}."
            : $"no {Key(minKey)} up to 50 makes it fit: raise {memoryKey} or lower {waitKey}.";
        return head + $"num_traces is the larger of {headroom} x the average share on the minimum count ({Key(SettingKeys.ExpectedNewTracesPerSec)} = {Number(report.Traffic.TracesPerSecond)} / "
            + $"{Key(minKey)} = {min} x {waitKey} = {wait} = {Count(averageShare)}) and the peak share with {LossWords(report, loss)} ({Key(SettingKeys.PeakFactor)} = {Number(report.Planning.PeakFactor)}: {Count(report.PeakTracesPerSecond)} traces/s over "
            + $"{survivors} task{(survivors == 1 ? "" : "s")} x {wait} s = {Count(report.PeakTracesPerSecond / survivors * wait)}): {fix}";
    }

    public static string SingleTaskAtPeak(CapacityReport report, TierReport tier)
    {
        var keys = tier.Tier.Keys;
        var (cpuKey, memoryKey) = (Key(keys.TaskCpu), Key(keys.TaskMemory));
        if (tier.Peak.CpuPercent > 100)
        {
            return $"{cpuKey} = {tier.Size.CpuUnits} ({Number(tier.Size.Vcpu)} vCPU) handles {Count(tier.Capacity.SpansPerSecondPerTask)} spans/s with tail sampling "
                + $"({Count(tier.SpansPerVcpu)} per vCPU), but at peak {PeakSends(report)}: raise {cpuKey} (a Fargate pair with {memoryKey}), or use the tiered topology.";
        }
        var waitKey = Key(SettingKeys.DecisionWaitSeconds);
        return $"{memoryKey} = {tier.Size.MemoryMiB} MiB holds {Count(tier.Traces!.TraceCapacityPerTask)} traces in flight, but at peak "
            + $"{Key(SettingKeys.ExpectedNewTracesPerSec)} = {Number(report.Traffic.TracesPerSecond)} x {Key(SettingKeys.PeakFactor)} = {Number(report.Planning.PeakFactor)} x "
            + $"{waitKey} = {report.Sampling.DecisionWaitSeconds} needs {Count(tier.Peak.TracesInFlightPerTask ?? 0)} ({PerTrace(report)}): "
            + $"raise {memoryKey} (a Fargate pair with {cpuKey}) or lower {waitKey}; beyond one task, use the tiered topology.";
    }

    public static string AboveTargetAtAverage(CapacityReport report, TierReport tier)
    {
        var keys = tier.Tier.Keys;
        var (cpuKey, memoryKey, minKey) = (Key(keys.TaskCpu), Key(keys.TaskMemory), Key(keys.MinTasks!));
        var capacity = tier.Capacity;
        if (tier.TasksForAverage is not { } needed)
        {
            return $"{memoryKey} = {tier.Size.MemoryMiB} MiB: the collector's own {Number(SizingConstants.CollectorBaseFootprintMiB)} MiB is already above the {tier.Tier.Label} tier's "
                + $"{Number(capacity.MemoryTargetPercent ?? 100)}% memory target, so its autoscaler would add tasks without end: raise {memoryKey}.";
        }
        var average = tier.Average;
        var min = tier.Size.MinTasks;
        var onCpu = average.CpuPercent > capacity.CpuLimitPercent;
        var usage = onCpu
            ? $"{minKey} = {min} x {cpuKey} = {tier.Size.CpuUnits} ({Number(tier.Size.Vcpu)} vCPU) would run at {Percent(average.CpuPercent)} CPU at the declared load "
              + $"({Sends(report)}; {Count(tier.SpansPerVcpu)} spans/s per vCPU {Work(tier)}), above the {tier.Tier.Label} tier's {Number(capacity.CpuLimitPercent)}% CPU autoscaling target"
            : $"{minKey} = {min} x {memoryKey} = {tier.Size.MemoryMiB} MiB would run at {Percent(average.MemoryPercent)} memory at the declared load "
              + $"({Key(SettingKeys.ExpectedNewTracesPerSec)} = {Number(report.Traffic.TracesPerSecond)} x {Key(SettingKeys.DecisionWaitSeconds)} = {report.Sampling.DecisionWaitSeconds} / {min} tasks = "
              + $"{Count(average.TracesInFlightPerTask ?? 0)} traces in flight per task; {PerTrace(report)}), above the {tier.Tier.Label} tier's {Number(capacity.MemoryTargetPercent ?? 100)}% memory autoscaling target";
        return $"{usage}: the autoscaler would keep {needed} tasks, not the {min} the cost prices. "
            + $"Raise {minKey} to at least {needed}{MaxTasksNote(tier, needed)} or raise {(onCpu ? cpuKey : memoryKey)}.";
    }

    public static string PeakAboveMaximum(CapacityReport report, TierReport tier)
    {
        var keys = tier.Tier.Keys;
        var maxKey = Key(keys.MaxTasks!);
        var needed = tier.PeakTasksNeeded ?? tier.Size.MaxTasks + 1;
        var oneShort = tier.Capacity.At(report.PeakTracesPerSecond, Math.Max(1, needed - 1));
        var onCpu = oneShort.CpuPercent > tier.Capacity.CpuLimitPercent;
        var raise = onCpu ? Key(keys.TaskCpu) : Key(keys.TaskMemory);
        return $"At peak ({PeakLoad(report)}{(onCpu ? "" : MemoryLoad(report))}) the {tier.Tier.Label} tier needs {needed} tasks to stay within its autoscaling targets ({Targets(tier)}), "
            + $"but {maxKey} = {tier.Size.MaxTasks}: raise {maxKey} to at least {needed}, or raise {raise}, or lower {Key(SettingKeys.PeakFactor)} if the busiest hour is quieter.";
    }

    public static string LossAtPeak(CapacityReport report, TierReport tier)
    {
        var loss = tier.Loss!;
        var survivors = loss.Survivors;
        var keys = tier.Tier.Keys;
        var (cpuKey, memoryKey, minKey) = (Key(keys.TaskCpu), Key(keys.TaskMemory), Key(keys.MinTasks!));
        var lost = report.Planning.LoseZone
            ? $"{loss.Case} ({loss.TasksLost} of the {tier.Peak.Tasks} {tier.Tier.Name} tasks; {ZoneKeys(report)})"
            : $"{loss.Case} of the {tier.Peak.Tasks} {tier.Tier.Name} tasks";
        var onCpu = survivors.CpuPercent > 100;
        var usage = survivors.Tasks == 0 ? "none would be left to carry it"
            : onCpu ? $"the other {survivors.Tasks} would run at {Percent(survivors.CpuPercent)} CPU"
            : $"the other {survivors.Tasks} would hold {Count(survivors.TracesInFlightPerTask ?? 0)} traces in flight each, more than the {Count(tier.Traces!.TraceCapacityPerTask)} "
              + $"a task of {memoryKey} = {tier.Size.MemoryMiB} MiB holds below its memory_limiter soft limit";
        var fix = tier.MinTasksForLoss is { } tasks
            ? $"raise {minKey} to at least {tasks}{MaxTasksNote(tier, tasks)} so the rest carry the peak until ECS replaces what was lost, or raise {(onCpu || survivors.Tasks == 0 ? cpuKey : memoryKey)}."
            : $"no count of this size carries it: raise {cpuKey} and {memoryKey}.";
        return $"At peak ({PeakLoad(report)}{(onCpu || survivors.Tasks == 0 ? "" : MemoryLoad(report))}) with {lost}, {usage}: {fix}";
    }

    private static string Work(TierReport tier) => tier.Traces is null ? "routing" : "with tail sampling";

    private static string Targets(TierReport tier) =>
        string.Join(", ", tier.Tier.Scaling.Select(rule => $"{Number(rule.TargetPercent)}% {(rule.PredefinedMetric == Settings.Topology.ScalingRule.Cpu ? "CPU" : "memory")}"));

    private static string PerTrace(CapacityReport report)
    {
        var traces = report.Sampler.Traces!;
        var traffic = report.Traffic;
        return $"each trace takes about {Number(traces.BytesPerTrace / 1000, "0.#")} KB: {Key(SettingKeys.SpansPerTrace)} = {Number(traffic.SpansPerTrace)} x "
            + $"{Key(SettingKeys.AverageSpanBytes)} = {Number(traffic.AverageSpanBytes)} bytes x {Number(SizingConstants.InMemoryOverheadFactor)} decoded in memory, "
            + $"plus {Number(traces.CacheBytesPerTrace / 1000, "0.#")} KB of decision caches";
    }

    private static string Sends(CapacityReport report) =>
        $"{Key(SettingKeys.ExpectedNewTracesPerSec)} = {Number(report.Traffic.TracesPerSecond)} x {Key(SettingKeys.SpansPerTrace)} = {Number(report.Traffic.SpansPerTrace)} sends {Count(report.Traffic.SpansPerSecond)} spans/s";

    private static string PeakSends(CapacityReport report) =>
        $"{Key(SettingKeys.ExpectedNewTracesPerSec)} = {Number(report.Traffic.TracesPerSecond)} x {Key(SettingKeys.PeakFactor)} = {Number(report.Planning.PeakFactor)} x "
        + $"{Key(SettingKeys.SpansPerTrace)} = {Number(report.Traffic.SpansPerTrace)} sends {Count(report.PeakTracesPerSecond * report.Traffic.SpansPerTrace)} spans/s";

    private static string PeakLoad(CapacityReport report) =>
        $"{Key(SettingKeys.PeakFactor)} = {Number(report.Planning.PeakFactor)} x {Key(SettingKeys.ExpectedNewTracesPerSec)} = {Number(report.Traffic.TracesPerSecond)}: "
        + $"{Count(report.PeakTracesPerSecond)} traces/s x {Key(SettingKeys.SpansPerTrace)} = {Number(report.Traffic.SpansPerTrace)}: {Count(report.PeakTracesPerSecond * report.Traffic.SpansPerTrace)} spans/s";

    /// <summary>What makes the traces a task holds: the decision wait and each trace's size.</summary>
    private static string MemoryLoad(CapacityReport report) =>
        $", held for {Key(SettingKeys.DecisionWaitSeconds)} = {report.Sampling.DecisionWaitSeconds}; {PerTrace(report)}";

    /// <summary>The planned loss, with the keys that decide it when it is a zone.</summary>
    private static string LossWords(CapacityReport report, TierLoss loss) => report.Planning.LoseZone ? $"{loss.Case} ({ZoneKeys(report)})" : loss.Case;

    private static string ZoneKeys(CapacityReport report) =>
        $"{Key(SettingKeys.Production)} = true plans for a zone, {Key(SettingKeys.PrivateSubnets)} span {report.Planning.AvailabilityZones}";

    private static string MaxTasksNote(TierReport tier, int tasks) =>
        tasks > tier.Size.MaxTasks && tier.Tier.Keys.MaxTasks is { } maxTasksKey ? $" (and {Key(maxTasksKey)}, now {tier.Size.MaxTasks}, with it)" : "";

    public static string Key(Setting setting) => SettingKeys.Qualified(setting);

    public static string Count(double value) => Math.Floor(value).ToString("#,0", CultureInfo.InvariantCulture);

    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
