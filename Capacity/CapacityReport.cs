using Infra.Settings.Topology;

namespace Infra.Capacity;

/// <summary>What tail sampling holds per trace in flight, and how many traces a task can hold.</summary>
public sealed record TraceMemory(
    double SpanBytesPerTrace,
    double CacheBytesPerTrace,
    double TracesInFlight,
    double TracesInFlightPerTask,
    long TraceCapacityPerTask)
{
    public double BytesPerTrace => SpanBytesPerTrace + CacheBytesPerTrace;
}

/// <summary>Demand and capacity of one tier at its minimum task count.</summary>
public sealed record TierReport(
    TierSpec Tier,
    double SpansPerVcpu,
    double CpuDemandVcpu,
    int TasksNeededForCpu,
    MemoryLimits Memory,
    double MemoryDemandMiBPerTask,
    int? TasksNeededForMemory,
    TraceMemory? Traces)
{
    public TierSize Size => Tier.Size;

    /// <summary>vCPU the minimum task count provides.</summary>
    public double CpuCapacityVcpu => Size.MinTasks * Size.Vcpu;

    public double SpansPerSecondCapacity => CpuCapacityVcpu * SpansPerVcpu;

    /// <summary>Tasks the declared load needs; null when no number of tasks of this size can hold it.</summary>
    public int? TasksNeeded => TasksNeededForMemory is { } memory ? Math.Max(TasksNeededForCpu, memory) : null;

    public bool HoldsDeclaredLoad => TasksNeeded is { } needed && needed <= Size.MinTasks;
}

/// <summary>tail_sampling settings for one sampler task, derived from the declared load at the minimum sampler count.</summary>
public sealed record TailSamplingSizing(
    int NumTraces,
    int ExpectedNewTracesPerSec,
    int SampledCacheSize,
    int NonSampledCacheSize,
    bool NumTracesFitInMemory);

/// <summary>Each tier's report in data-path order, and the sizing of the tier that tail-samples.</summary>
public sealed record CapacityReport(
    TrafficProfile Traffic,
    SamplingProfile Sampling,
    double KeptTraceShare,
    IReadOnlyList<TierReport> Tiers,
    TailSamplingSizing TailSampling)
{
    /// <summary>The tier that tail-samples (and so holds traces in memory).</summary>
    public TierReport Sampler => Tiers.Single(report => report.Tier.SamplesAndExports);

    /// <summary>The tier that routes by trace ID; null when one tier receives and samples.</summary>
    public TierReport? Router => Tiers.SingleOrDefault(report => report.Tier.RoutesByTraceId);

    public bool HoldsDeclaredLoad => Tiers.All(report => report.HoldsDeclaredLoad);
}
