namespace Infra.Capacity;

public enum TierRole
{
    /// <summary>The routing tier: receives OTLP and forwards by trace ID (loadbalancing exporter).</summary>
    Router,

    /// <summary>The sampling tier of the tiered topology.</summary>
    Sampler,

    /// <summary>The single topology's one task, which receives and samples.</summary>
    Combined,
}

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
    TierRole Role,
    TierSize Size,
    double SpansPerVcpu,
    double CpuDemandVcpu,
    int TasksNeededForCpu,
    MemoryLimits Memory,
    double MemoryDemandMiBPerTask,
    int? TasksNeededForMemory,
    TraceMemory? Traces)
{
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

public sealed record CapacityReport(
    TrafficProfile Traffic,
    SamplingProfile Sampling,
    CollectorTiers Tiers,
    double KeptTraceShare,
    TierReport? Router,
    TierReport Sampler,
    TailSamplingSizing TailSampling)
{
    public bool HoldsDeclaredLoad => Sampler.HoldsDeclaredLoad && (Router?.HoldsDeclaredLoad ?? true);
}
