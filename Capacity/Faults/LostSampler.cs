using Infra.Settings.Topology;

namespace Infra.Capacity.Faults;

/// <summary>
/// The worst case when one sampler task is lost, at the declared load and the minimum sampler count: the routers keep
/// sending its share until the resolver's next refresh (each batch part for it waiting one backend timeout), then
/// re-route; the traces it held are lost with it, and their later spans start partial traces on the samplers that
/// take over. Spans lost assumes a held trace has, on average, half its spans in when its sampler goes.
/// </summary>
public sealed record LostSampler(double StallSeconds, double SpansRerouted, double TracesSplit, double SpansLost)
{
    /// <summary>Null when no tier routes: a lost single task is the whole collector (the load balancer's health check replaces it).</summary>
    public static LostSampler? For(CollectorTopology topology, TrafficProfile traffic, SamplingProfile sampling)
    {
        if (topology.Routing is null)
        {
            return null;
        }
        var samplers = topology.Sampling.Size.MinTasks;
        var stall = (double)FailoverTimings.ResolverIntervalSeconds + FailoverTimings.BackendTimeoutSeconds;
        var tracesHeld = traffic.TracesPerSecond * sampling.DecisionWaitSeconds / samplers;
        return new LostSampler(
            StallSeconds: stall,
            SpansRerouted: traffic.SpansPerSecond / samplers * stall,
            TracesSplit: tracesHeld,
            SpansLost: tracesHeld * traffic.SpansPerTrace / 2);
    }
}
