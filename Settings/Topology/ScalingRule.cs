namespace Infra.Settings.Topology;

/// <summary>One target-tracking rule: keep a predefined ECS metric near a target. Capacity plans each tier at or below it.</summary>
public sealed record ScalingRule(string Name, string PredefinedMetric, double TargetPercent, int ScaleInCooldownSeconds, int ScaleOutCooldownSeconds)
{
    public const string Cpu = "ECSServiceAverageCPUUtilization";
    public const string Memory = "ECSServiceAverageMemoryUtilization";

    /// <summary>Routers hold nothing: scale on CPU, in again after 5 minutes.</summary>
    public static IReadOnlyList<ScalingRule> ForRouters =>
        [new("cpu", Cpu, TargetPercent: 60, ScaleInCooldownSeconds: 300, ScaleOutCooldownSeconds: 60)];

    /// <summary>
    /// Samplers hold traces in memory: scale out on memory before memory_limiter refuses data (it
    /// starts at 64% of the task) and on CPU. Scale in slowly: every change of the sampler set moves
    /// about 1/N of the traces in flight to another sampler, which decides on their fragments.
    /// </summary>
    public static IReadOnlyList<ScalingRule> ForSamplers =>
    [
        new("memory", Memory, TargetPercent: 50, ScaleInCooldownSeconds: 900, ScaleOutCooldownSeconds: 60),
        new("cpu", Cpu, TargetPercent: 60, ScaleInCooldownSeconds: 900, ScaleOutCooldownSeconds: 60),
    ];
}
