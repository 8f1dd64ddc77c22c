using Infra.Collector.Telemetry;
using Infra.Model.Aws;
using Infra.Settings.Topology;

namespace Infra.Components.Monitoring;

/// <summary>One collector tier as the alarms and the dashboard see it: the tier, what its config holds, its ECS service.</summary>
public sealed record WatchedTier(TierSpec Spec, PipelineInventory Inventory, EcsService Service)
{
    /// <summary>The tier's name: the <c>tier</c> dimension of its metrics.</summary>
    public string Tier => Spec.Name;
}
