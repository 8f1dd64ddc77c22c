namespace Infra.Settings.Topology;

/// <summary>How the collector runs: one task, or a routing tier in front of a tail-sampling tier.</summary>
public enum TopologyKind
{
    Single,
    Tiered,
}

public static class TopologyNames
{
    public const string Single = "single";
    public const string Tiered = "tiered";

    public static TopologyKind Parse(string name) => name == Tiered ? TopologyKind.Tiered : TopologyKind.Single;
}

/// <summary>
/// The collector tiers in data-path order, built once from the settings. Capacity, cost, telemetry, alarms, the
/// dashboard, the plan and the runtime components iterate over <see cref="Tiers"/> and ask a tier its role; this
/// is the one place that turns the <c>topology</c> setting into tiers.
/// </summary>
public sealed record CollectorTopology
{
    private CollectorTopology(TopologyKind kind, IReadOnlyList<TierSpec> tiers)
    {
        Kind = kind;
        Tiers = tiers;
    }

    public TopologyKind Kind { get; }

    public IReadOnlyList<TierSpec> Tiers { get; }

    /// <summary>The tier behind the load balancer: it receives OTLP from the senders.</summary>
    public TierSpec Receiving => Tiers.Single(tier => tier.ReceivesFromOutside);

    /// <summary>The tier that tail-samples and exports to X-Ray and Azure Monitor (the receiving one in <c>single</c>).</summary>
    public TierSpec Sampling => Tiers.Single(tier => tier.SamplesAndExports);

    /// <summary>The tier that routes by trace ID to the sampling tier; null when one tier receives and samples.</summary>
    public TierSpec? Routing => Tiers.SingleOrDefault(tier => tier.RoutesByTraceId);

    /// <summary>One task that receives, samples and exports. Exactly one: a second would split traces behind the load balancer.</summary>
    public static CollectorTopology Single(int cpuUnits, int memoryMiB) => new(TopologyKind.Single,
    [
        new TierSpec("collector", "single", new TierSize(cpuUnits, memoryMiB, 1, 1),
            new TierKeys(SettingKeys.TaskCpu, SettingKeys.TaskMemory, null, null), ReceivesFromOutside: true, SamplesAndExports: true, Scaling: []),
    ]);

    /// <summary>Routers behind the load balancer send each trace, whole, to one of the samplers.</summary>
    public static CollectorTopology Tiered(TierSize router, TierSize sampler) => new(TopologyKind.Tiered,
    [
        new TierSpec("router", "routing", router,
            new TierKeys(SettingKeys.RouterTaskCpu, SettingKeys.RouterTaskMemory, SettingKeys.RouterMinTasks, SettingKeys.RouterMaxTasks),
            ReceivesFromOutside: true, SamplesAndExports: false, ScalingRule.ForRouters),
        new TierSpec("sampler", "sampling", sampler,
            new TierKeys(SettingKeys.SamplerTaskCpu, SettingKeys.SamplerTaskMemory, SettingKeys.SamplerMinTasks, SettingKeys.SamplerMaxTasks),
            ReceivesFromOutside: false, SamplesAndExports: true, ScalingRule.ForSamplers),
    ]);
}
