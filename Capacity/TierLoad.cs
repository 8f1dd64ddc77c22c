namespace Infra.Capacity;

/// <summary>
/// One tier at one load and task count: how full each task runs (ECS's CPU and memory utilisation, percent of the
/// task) and, for a sampling tier, the traces each task holds. Zero tasks carry nothing: both percentages are infinite.
/// </summary>
public sealed record TierLoad(
    double TracesPerSecond,
    double SpansPerSecond,
    int Tasks,
    double CpuPercent,
    double MemoryMiBPerTask,
    double MemoryPercent,
    double? TracesInFlightPerTask,
    bool WithinHardLimits);
