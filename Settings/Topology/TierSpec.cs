namespace Infra.Settings.Topology;

/// <summary>The keys that size one tier, for messages; a tier of exactly one task has no count keys.</summary>
public sealed record TierKeys(Setting<int> TaskCpu, Setting<int> TaskMemory, Setting<int>? MinTasks, Setting<int>? MaxTasks);

/// <summary>
/// One collector tier: its name (resource names, SSM paths, log streams), the label people read, its size and
/// the keys that set it, its place in the data path and how it scales. The only type that carries tier identity.
/// </summary>
public sealed record TierSpec(
    string Name,
    string Label,
    TierSize Size,
    TierKeys Keys,
    bool ReceivesFromOutside,
    bool SamplesAndExports,
    IReadOnlyList<ScalingRule> Scaling)
{
    /// <summary>Receives from the senders but leaves sampling to the tier behind it: routes whole traces by trace ID.</summary>
    public bool RoutesByTraceId => ReceivesFromOutside && !SamplesAndExports;

    public bool Autoscaled => Scaling.Count > 0;
}
