using Infra.Settings.Topology;

namespace Infra.Capacity;

/// <summary>What tail sampling holds per trace in flight, and how many traces a task can hold below its soft limit.</summary>
public sealed record TraceMemory(double SpanBytesPerTrace, double CacheBytesPerTrace, long TraceCapacityPerTask)
{
    public double BytesPerTrace => SpanBytesPerTrace + CacheBytesPerTrace;
}

/// <summary>
/// One tier planned: at the declared average on its minimum count, at peak on the count the autoscaler keeps there,
/// and at peak after a loss. The task counts are what each check needs; null where no count of this size suffices.
/// </summary>
public sealed record TierReport(
    TaskCapacity Capacity,
    TierLoad Average,
    int? TasksForAverage,
    int? PeakTasksNeeded,
    TierLoad Peak,
    TierLoss? Loss,
    int? MinTasksForLoss)
{
    public TierSpec Tier => Capacity.Tier;

    public TierSize Size => Tier.Size;

    public MemoryLimits Memory => Capacity.Memory;

    public TraceMemory? Traces => Capacity.Traces;

    public double SpansPerVcpu => Capacity.SpansPerVcpu;

    /// <summary>The minimum count carries the average within the targets (the count priced is the count the autoscaler keeps).</summary>
    public bool AverageWithinTargets => TasksForAverage is { } needed && needed <= Size.MinTasks;

    /// <summary>The autoscaler can reach the count peak needs.</summary>
    public bool PeakWithinMaximum => PeakTasksNeeded is { } needed && needed <= Size.MaxTasks;

    public bool SurvivesLoss => Loss is null || Loss.Survivors.WithinHardLimits;

    public bool Holds => AverageWithinTargets && PeakWithinMaximum && SurvivesLoss;
}

/// <summary>
/// tail_sampling settings for one sampler task. <see cref="WorstTracesPerTask"/> is the most a task holds in the plan:
/// the average share on the minimum count, or the peak share after a loss, whichever is more (0 when a sizing is
/// written by hand rather than planned).
/// </summary>
public sealed record TailSamplingSizing(
    int NumTraces,
    int ExpectedNewTracesPerSec,
    int SampledCacheSize,
    int NonSampledCacheSize,
    bool NumTracesFitInMemory,
    double WorstTracesPerTask = 0);

/// <summary>Each tier's report in data-path order, and the sizing of the tier that tail-samples.</summary>
public sealed record CapacityReport(
    TrafficProfile Traffic,
    SamplingProfile Sampling,
    PlanningProfile Planning,
    double KeptTraceShare,
    IReadOnlyList<TierReport> Tiers,
    TailSamplingSizing TailSampling)
{
    /// <summary>The tier that tail-samples (and so holds traces in memory).</summary>
    public TierReport Sampler => Tiers.Single(report => report.Tier.SamplesAndExports);

    /// <summary>The tier that routes by trace ID; null when one tier receives and samples.</summary>
    public TierReport? Router => Tiers.SingleOrDefault(report => report.Tier.RoutesByTraceId);

    public double PeakTracesPerSecond => Traffic.TracesPerSecond * Planning.PeakFactor;

    public bool Holds => Tiers.All(report => report.Holds) && TailSampling.NumTracesFitInMemory;
}
