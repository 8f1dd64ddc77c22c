using Infra.Settings;

namespace Infra.Sizing;

/// <summary>What each tail-sampling task is configured to hold, derived from the declared traffic.</summary>
public sealed record SamplerSizing(int NumTraces, int ExpectedNewTracesPerSec, int SampledCacheSize, int NonSampledCacheSize);

/// <summary>memory_limiter's hard limit and spike allowance; data is refused above limit minus spike.</summary>
public sealed record MemoryLimits(int LimitMib, int SpikeLimitMib)
{
    public int SoftLimitMib => LimitMib - SpikeLimitMib;
}

/// <summary>
/// Sizes tail sampling per sampler task. Traces spread over the sampler tasks by trace ID, so each
/// of the minimum number of tasks receives expectedNewTracesPerSec / min and must hold that many
/// per second for decisionWaitSeconds; a trace evicted before its decision is sampled as a fragment.
/// </summary>
public static class TailSamplingSizing
{
    /// <summary>Room for bursts and uneven spread across samplers (contrib issue #41200): num_traces is twice the steady need.</summary>
    public const int Headroom = 2;

    /// <summary>Decisions are remembered for 10x as many traces as are held, so late spans get the same verdict (tail_sampling README, decision_cache).</summary>
    public const int DecisionCacheFactor = 10;

    /// <summary>Memory per trace in flight: ~8-10 KB per held trace is the figure a vendor reports (design notes); the upper end.</summary>
    public const int BytesPerTraceInFlight = 10 * 1024;

    /// <summary>The collector's own footprint: the contrib testbed runs OTLP at 10K spans/s under 100 MiB.</summary>
    public const int CollectorBaseMib = 100;

    /// <summary>
    /// Explicit limits from the task memory: on Fargate the percentage form depends on a cgroup limit
    /// the process may not read (opentelemetry-collector#12743). Hard limit 80% (GOMEMLIMIT matches
    /// it), spike 20% of the task, so data is refused from 60% on and the heap never reaches the task limit.
    /// </summary>
    public static MemoryLimits MemoryLimitsFor(int taskMemoryMib) => new(taskMemoryMib * 80 / 100, taskMemoryMib * 20 / 100);

    public static SamplerSizing For(StackSettings settings)
    {
        var sampling = settings.TailSampling;
        var perTask = PerTaskRate(sampling, settings.Runtime.Sampling.MinTasks);
        var numTraces = sampling.NumTracesOverride ?? checked((int)Math.Ceiling(perTask * sampling.DecisionWaitSeconds * Headroom));
        return new SamplerSizing(numTraces, (int)Math.Ceiling(perTask), checked(numTraces * DecisionCacheFactor), checked(numTraces * DecisionCacheFactor));
    }

    /// <summary>Refuses a stack whose minimum sampler count cannot hold the declared traffic; messages name the keys.</summary>
    public static void EnsureHolds(StackSettings settings, string source)
    {
        string Key(Setting setting) => SettingKeys.Qualified(setting);
        var sampling = settings.TailSampling;
        var runtime = settings.Runtime;
        var tierKeys = runtime.Topology == Topology.Tiered ? SettingKeys.SamplerTier : SettingKeys.SingleTier;
        var tasks = runtime.Sampling.MinTasks;
        var perTask = PerTaskRate(sampling, tasks);
        var tasksText = tierKeys.MinTasks is { } minKey ? $"{Key(minKey)} = {tasks}" : "1 task (single topology)";
        var demand = $"{Key(SettingKeys.ExpectedNewTracesPerSec)} = {sampling.ExpectedNewTracesPerSec} / {tasksText} x {Key(SettingKeys.DecisionWaitSeconds)} = {sampling.DecisionWaitSeconds}";
        var needed = (long)Math.Ceiling(perTask * sampling.DecisionWaitSeconds);

        if (sampling.NumTracesOverride is { } overridden && overridden < needed)
        {
            throw new UserError($"{source}: {Key(SettingKeys.NumTraces)} = {overridden} is below {demand} = {needed} traces each sampler task must hold: traces would be evicted before their decision. Raise it, or leave it empty to derive it.");
        }
        var held = TracesHeldPerTask(runtime.Sampling.TaskMemory);
        var configured = sampling.NumTracesOverride ?? (long)Math.Ceiling(perTask * sampling.DecisionWaitSeconds * Headroom);
        if (configured > held)
        {
            throw new UserError($"{source}: each sampler task of {Key(tierKeys.TaskMemory)} = {runtime.Sampling.TaskMemory} MiB holds about {held} traces in flight (memory_limiter soft limit less the collector's base, at {BytesPerTraceInFlight / 1024} KiB a trace), but {demand}{(sampling.NumTracesOverride is null ? $" x {Headroom} (headroom)" : $" with {Key(SettingKeys.NumTraces)}")} asks {configured}. Raise {Key(tierKeys.TaskMemory)}{(tierKeys.MinTasks is { } min ? $" or {Key(min)}" : "")}, or lower {Key(SettingKeys.DecisionWaitSeconds)}.");
        }
    }

    public static long TracesHeldPerTask(int taskMemoryMib) =>
        Math.Max(0, (long)(MemoryLimitsFor(taskMemoryMib).SoftLimitMib - CollectorBaseMib) * 1024 * 1024 / BytesPerTraceInFlight);

    private static double PerTaskRate(TailSamplingSettings sampling, int tasks) => (double)sampling.ExpectedNewTracesPerSec / tasks;

}
