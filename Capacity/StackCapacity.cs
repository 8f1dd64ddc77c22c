using Infra.Settings;

namespace Infra.Capacity;

/// <summary>The capacity model applied to a stack's settings: the report, the tail-sampling sizing, and the refusal.</summary>
public static class StackCapacity
{
    public static CapacityReport Of(StackSettings settings) => CapacityModel.Compute(
        new TrafficProfile(settings.TailSampling.ExpectedNewTracesPerSec, settings.Traffic.SpansPerTrace, settings.Traffic.AverageSpanBytes,
            settings.Traffic.ErrorTraceShare, settings.Traffic.SlowTraceShare),
        new SamplingProfile(settings.TailSampling.SamplingPercentage, settings.TailSampling.DecisionWaitSeconds),
        settings.Runtime.Topology,
        PlanningOf(settings));

    /// <summary>The stack's peak, its availability zones, and whether a whole zone's loss is planned for (production).</summary>
    public static PlanningProfile PlanningOf(StackSettings settings) =>
        new(settings.Traffic.PeakFactor, settings.Network.AvailabilityZones, loseZone: settings.Production);

    /// <summary>The exporting tier's queues for the stack's outage ride-through, at the declared load and the minimum task count.</summary>
    public static Faults.OutageRideThrough RideThroughOf(StackSettings settings)
    {
        var report = Of(settings);
        return Faults.OutageRideThrough.For(settings.Runtime.Topology.Sampling, report.Traffic, report.KeptTraceShare, settings.OutageRideThroughMinutes);
    }

    /// <summary>What each sampling task is configured with: derived, or the checked <c>numTraces</c> override.</summary>
    public static TailSamplingSizing TailSamplingOf(StackSettings settings)
    {
        var report = Of(settings);
        var derived = report.TailSampling;
        if (settings.TailSampling.NumTracesOverride is not { } numTraces)
        {
            return derived;
        }
        var caches = checked((int)(numTraces * SizingConstants.DecisionCacheToNumTraces));
        return derived with
        {
            NumTraces = numTraces,
            SampledCacheSize = caches,
            NonSampledCacheSize = caches,
            NumTracesFitInMemory = numTraces <= report.Sampler.Traces!.TraceCapacityPerTask,
        };
    }

    /// <summary>
    /// Refuses a stack the capacity plan does not hold (see <see cref="CapacityCheck"/>), and a <c>numTraces</c>
    /// override below the most a sampler task holds in the plan or above what a task's memory holds.
    /// </summary>
    public static void EnsureHolds(StackSettings settings, string source)
    {
        var report = Of(settings);
        CapacityCheck.EnsureHolds(report, source, derivedNumTraces: settings.TailSampling.NumTracesOverride is null);
        EnsureQueuesFit(settings, source);
        if (settings.TailSampling.NumTracesOverride is not { } numTraces)
        {
            return;
        }
        var sampling = settings.TailSampling;
        var samplingKeys = report.Sampler.Tier.Keys;
        var tasks = report.Sampler.Size.MinTasks;
        var traces = report.Sampler.Traces!;
        var needed = (long)Math.Ceiling(report.TailSampling.WorstTracesPerTask - 1e-9);
        if (numTraces < needed)
        {
            var perTask = samplingKeys.MinTasks is { } minTasks ? $"{Key(minTasks)} = {tasks}" : "1 task (single topology)";
            throw new UserError($"{source}: {Key(SettingKeys.NumTraces)} = {numTraces} is below the {needed} traces a sampler task holds in the plan (the larger of {Key(SettingKeys.ExpectedNewTracesPerSec)} = {sampling.ExpectedNewTracesPerSec} / {perTask} x {Key(SettingKeys.DecisionWaitSeconds)} = {sampling.DecisionWaitSeconds}, and the peak share{(report.Sampler.Loss is { } loss ? $" with {loss.Case}" : "")} at {Key(SettingKeys.PeakFactor)} = {report.Planning.PeakFactor.ToString(System.Globalization.CultureInfo.InvariantCulture)}): traces would be evicted before their decision. Raise it, or leave it empty to derive it.");
        }
        if (numTraces > traces.TraceCapacityPerTask)
        {
            var memoryKey = Key(samplingKeys.TaskMemory);
            throw new UserError($"{source}: {Key(SettingKeys.NumTraces)} = {numTraces} is more than the {traces.TraceCapacityPerTask} traces a task of {memoryKey} = {report.Sampler.Size.MemoryMiB} MiB holds below its memory_limiter soft limit: memory_limiter would refuse data before tail sampling evicts a trace. Lower it, leave it empty to derive it, or raise {memoryKey}.");
        }
    }

    /// <summary>Fargate gives a task at most 200 GiB: a ride-through that needs more per task is refused, with the ways out.</summary>
    private static void EnsureQueuesFit(StackSettings settings, string source)
    {
        var rideThrough = RideThroughOf(settings);
        if (rideThrough.FitsFargate)
        {
            return;
        }
        var tasks = settings.Runtime.Topology.Sampling.Keys.MinTasks is { } minTasks ? $", raise {Key(minTasks)} (each task queues its share)" : "";
        throw new UserError($"{source}: {Key(SettingKeys.OutageRideThroughMinutes)} = {rideThrough.Minutes} needs {rideThrough.EphemeralStorageGiB} GiB of queue storage per exporting task "
            + $"({(rideThrough.ExportBytesPerSecondPerTask / 1000).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} kB/s of kept spans x {Faults.OutageRideThrough.QueuedExporters} exporters x {rideThrough.Minutes} min x {Faults.OutageRideThrough.OnDiskOverheadFactor} on disk, plus {Faults.OutageRideThrough.BaseStorageGiB} GiB), "
            + $"more than Fargate's {Faults.OutageRideThrough.MaxEphemeralStorageGiB} GiB: lower {Key(SettingKeys.OutageRideThroughMinutes)}{tasks}, or lower {Key(SettingKeys.SamplingPercentage)}.");
    }

    private static string Key(Setting setting) => SettingKeys.Qualified(setting);
}
