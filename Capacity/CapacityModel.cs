using Infra.Settings.Topology;

namespace Infra.Capacity;

/// <summary>Sizes each tier from the declared traffic: CPU from spans/s, sampler memory from traces in flight.</summary>
public static class CapacityModel
{
    private const double BytesPerMiB = 1024 * 1024;

    /// <summary>Decision caches sized from num_traces add this many bytes per trace in flight: two caches.</summary>
    public const double CacheBytesPerTraceInFlight =
        2 * SizingConstants.DecisionCacheToNumTraces * SizingConstants.NumTracesHeadroom * SizingConstants.DecisionCacheEntryBytes;

    public static CapacityReport Compute(TrafficProfile traffic, SamplingProfile sampling, CollectorTopology topology)
    {
        // Every span passes every tier; only the sampling tier holds traces.
        var tiers = topology.Tiers.Select(tier => tier.SamplesAndExports ? SamplingTier(tier, traffic, sampling) : RoutingTier(tier, traffic)).ToList();
        var sampler = tiers.Single(report => report.Tier.SamplesAndExports);
        return new CapacityReport(
            traffic,
            sampling,
            sampling.KeptTraceShare(traffic),
            tiers,
            TailSampling(traffic, sampling, sampler.Size, sampler.Traces!));
    }

    private static TierReport RoutingTier(TierSpec tier, TrafficProfile traffic)
    {
        var size = tier.Size;
        var memory = MemoryLimits.ForTask(size.MemoryMiB);
        // The router holds no traces: its memory is the collector process and its short export queues.
        var fits = SizingConstants.CollectorBaseFootprintMiB <= memory.SoftLimitMib;
        var cpuDemand = traffic.SpansPerSecond / SizingConstants.SpansPerVcpuWithoutTailSampling;
        return new TierReport(
            tier,
            SizingConstants.SpansPerVcpuWithoutTailSampling,
            cpuDemand,
            TasksFor(cpuDemand, size.Vcpu),
            memory,
            SizingConstants.CollectorBaseFootprintMiB,
            fits ? 1 : null,
            null);
    }

    private static TierReport SamplingTier(TierSpec tier, TrafficProfile traffic, SamplingProfile sampling)
    {
        var size = tier.Size;
        var memory = MemoryLimits.ForTask(size.MemoryMiB);
        var spanBytesPerTrace = traffic.SpansPerTrace * traffic.AverageSpanBytes * SizingConstants.InMemoryOverheadFactor;
        var bytesPerTrace = spanBytesPerTrace + CacheBytesPerTraceInFlight;
        var tracesInFlight = traffic.TracesPerSecond * sampling.DecisionWaitSeconds;
        var tracesPerTask = tracesInFlight / size.MinTasks;
        var roomBytes = Math.Max(0, (memory.SoftLimitMib - SizingConstants.CollectorBaseFootprintMiB) * BytesPerMiB);
        var capacityPerTask = (long)Math.Floor(roomBytes / bytesPerTrace);
        var cpuDemand = traffic.SpansPerSecond / SizingConstants.SpansPerVcpuWithTailSampling;
        return new TierReport(
            tier,
            SizingConstants.SpansPerVcpuWithTailSampling,
            cpuDemand,
            TasksFor(cpuDemand, size.Vcpu),
            memory,
            SizingConstants.CollectorBaseFootprintMiB + tracesPerTask * bytesPerTrace / BytesPerMiB,
            capacityPerTask > 0 ? TasksFor(tracesInFlight, capacityPerTask) : null,
            new TraceMemory(spanBytesPerTrace, CacheBytesPerTraceInFlight, tracesInFlight, tracesPerTask, capacityPerTask));
    }

    private static TailSamplingSizing TailSampling(TrafficProfile traffic, SamplingProfile sampling, TierSize size, TraceMemory traces)
    {
        var newTracesPerTask = traffic.TracesPerSecond / size.MinTasks;
        var numTraces = CeilingToInt(newTracesPerTask * sampling.DecisionWaitSeconds * SizingConstants.NumTracesHeadroom);
        var cacheSize = CeilingToInt(numTraces * SizingConstants.DecisionCacheToNumTraces);
        return new TailSamplingSizing(
            numTraces,
            CeilingToInt(newTracesPerTask),
            cacheSize,
            cacheSize,
            numTraces <= traces.TraceCapacityPerTask);
    }

    /// <summary>Tasks of <paramref name="perTask"/> each that cover <paramref name="demand"/>; at least one.</summary>
    private static int TasksFor(double demand, double perTask) => Math.Max(1, CeilingToInt(demand / perTask));

    // A hair below the next integer still counts as that integer: 2.0000000001 tasks is 2, not 3.
    private static int CeilingToInt(double value) => (int)Math.Min(int.MaxValue, Math.Ceiling(value - 1e-9));
}
