using Infra.Collector.Telemetry;
using Infra.Model.Aws;

namespace Infra.Components;

/// <summary>One collector tier as the alarms and the dashboard see it: its name (the <c>tier</c> dimension), what its config holds, its ECS service.</summary>
public sealed record WatchedTier(string Tier, PipelineInventory Inventory, EcsService Service);
