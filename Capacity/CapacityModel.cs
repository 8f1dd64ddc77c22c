using Infra.Settings.Topology;

namespace Infra.Capacity;

/// <summary>
/// Plans each tier from the declared traffic: on its minimum count at the average, on the count the autoscaler keeps
/// at peak, and at peak after a loss; the sampling tier's memory from the traces it holds, and num_traces from the most
/// a task holds in that plan.
/// </summary>
public static class CapacityModel
{
    private const double BytesPerMiB = 1024 * 1024;

    /// <summary>Decision caches sized from num_traces add this many bytes per trace in flight: two caches.</summary>
    public const double CacheBytesPerTraceInFlight =
        2 * SizingConstants.DecisionCacheToNumTraces * SizingConstants.NumTracesHeadroom * SizingConstants.DecisionCacheEntryBytes;

    public static CapacityReport Compute(TrafficProfile traffic, SamplingProfile sampling, CollectorTopology topology, PlanningProfile planning)
    {
        var tiers = topology.Tiers.Select(tier => Plan(CapacityOf(tier, traffic, sampling), traffic.TracesPerSecond, planning)).ToList();
        var sampler = tiers.Single(report => report.Tier.SamplesAndExports);
        return new CapacityReport(traffic, sampling, planning, sampling.KeptTraceShare(traffic), tiers, TailSampling(traffic, sampling, sampler));
    }

    /// <summary>Every span passes every tier; only the sampling tier holds traces.</summary>
    public static TaskCapacity CapacityOf(TierSpec tier, TrafficProfile traffic, SamplingProfile sampling)
    {
        var memory = MemoryLimits.ForTask(tier.Size.MemoryMiB);
        if (!tier.SamplesAndExports)
        {
            return new TaskCapacity(tier, SizingConstants.SpansPerVcpuWithoutTailSampling, memory, null, traffic.SpansPerTrace, sampling.DecisionWaitSeconds);
        }
        var spanBytesPerTrace = traffic.SpansPerTrace * traffic.AverageSpanBytes * SizingConstants.InMemoryOverheadFactor;
        var bytesPerTrace = spanBytesPerTrace + CacheBytesPerTraceInFlight;
        var roomBytes = Math.Max(0, (memory.SoftLimitMib - SizingConstants.CollectorBaseFootprintMiB) * BytesPerMiB);
        var traces = new TraceMemory(spanBytesPerTrace, CacheBytesPerTraceInFlight, (long)Math.Floor(roomBytes / bytesPerTrace));
        return new TaskCapacity(tier, SizingConstants.SpansPerVcpuWithTailSampling, memory, traces, traffic.SpansPerTrace, sampling.DecisionWaitSeconds);
    }

    /// <summary>The tier at the average on its minimum count, at peak on the count the autoscaler keeps, and at peak after a loss.</summary>
    public static TierReport Plan(TaskCapacity capacity, double averageTracesPerSecond, PlanningProfile planning)
    {
        var size = capacity.Size;
        var peak = averageTracesPerSecond * planning.PeakFactor;
        var forPeak = capacity.TasksWithinTargets(peak);
        int? peakNeeded = forPeak is { } count ? Math.Max(size.MinTasks, count) : null;
        var peakTasks = Math.Min(peakNeeded ?? size.MaxTasks, size.MaxTasks);
        TierLoss? loss = null;
        int? minForLoss = null;
        if (capacity.Tier.Autoscaled)
        {
            var lost = Math.Min(peakTasks, planning.TasksLost(peakTasks));
            loss = new TierLoss(planning.LossCase, lost, capacity.At(peak, peakTasks - lost));
            minForLoss = capacity.TasksWithinHardLimits(peak) is { } survivors ? TasksSurviving(survivors, planning) : null;
        }
        return new TierReport(
            capacity,
            capacity.At(averageTracesPerSecond, size.MinTasks),
            capacity.TasksWithinTargets(averageTracesPerSecond),
            peakNeeded,
            capacity.At(peak, peakTasks),
            loss,
            minForLoss);
    }

    /// <summary>Fewest tasks that leave <paramref name="survivors"/> after the planned loss; null when losing a zone loses all of them.</summary>
    private static int? TasksSurviving(int survivors, PlanningProfile planning)
    {
        if (planning.LoseZone && planning.AvailabilityZones < 2)
        {
            return null;
        }
        var tasks = survivors + 1;
        while (tasks - planning.TasksLost(tasks) < survivors)
        {
            tasks++;
        }
        return tasks;
    }

    /// <summary>
    /// num_traces holds <see cref="SizingConstants.NumTracesHeadroom"/> x the average share of a task on the minimum count
    /// (a burst), and at least the peak share of a task after the planned loss; expected_new_traces_per_sec is the average
    /// share; each decision cache is <see cref="SizingConstants.DecisionCacheToNumTraces"/> x num_traces.
    /// </summary>
    internal static TailSamplingSizing TailSampling(TrafficProfile traffic, SamplingProfile sampling, TierReport sampler)
    {
        var minTasks = sampler.Size.MinTasks;
        var averageShare = traffic.TracesPerSecond * sampling.DecisionWaitSeconds / minTasks;
        var peakTasks = sampler.Loss?.Survivors.Tasks ?? sampler.Peak.Tasks;
        var peakShare = sampler.Peak.TracesPerSecond * sampling.DecisionWaitSeconds / Math.Max(1, peakTasks);
        var numTraces = CeilingToInt(Math.Max(averageShare * SizingConstants.NumTracesHeadroom, peakShare));
        var cacheSize = CeilingToInt(numTraces * SizingConstants.DecisionCacheToNumTraces);
        return new TailSamplingSizing(
            numTraces,
            CeilingToInt(traffic.TracesPerSecond / minTasks),
            cacheSize,
            cacheSize,
            numTraces <= sampler.Traces!.TraceCapacityPerTask,
            Math.Max(averageShare, peakShare));
    }

    // A hair below the next integer still counts as that integer: 2.0000000001 is 2, not 3.
    private static int CeilingToInt(double value) => (int)Math.Min(int.MaxValue, Math.Ceiling(value - 1e-9));
}
