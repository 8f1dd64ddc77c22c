using Infra.Settings.Topology;

namespace Infra.Capacity.Faults;

/// <summary>
/// How long ECS waits between SIGTERM and SIGKILL for a tier's collector. On SIGTERM the collector stops its receivers,
/// then tail_sampling decides every pending trace at once (drop_pending_traces_on_shutdown is false by default: contrib
/// processor/tailsamplingprocessor README), the batch processor flushes and the exporters drain their queues. A tier
/// that samples gets its decision wait (spans still in flight through the routers arrive and join their traces), the
/// batch timeout and a final flush; a routing tier drains its queue within one top-level retry window. Both capped at
/// Fargate's 120 s.
/// </summary>
public static class StopTimeout
{
    public static int SecondsFor(TierSpec tier, int decisionWaitSeconds) => Math.Min(
        FailoverTimings.FargateMaxStopTimeoutSeconds,
        tier.SamplesAndExports
            ? decisionWaitSeconds + FailoverTimings.BatchTimeoutSeconds + FailoverTimings.FinalFlushSeconds
            : FailoverTimings.RetryMaxElapsedSeconds + FailoverTimings.BackendTimeoutSeconds);
}
