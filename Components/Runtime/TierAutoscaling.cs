using Infra.Model;
using Infra.Model.Aws;
using Infra.Capacity;

namespace Infra.Components;

/// <summary>One target-tracking rule: keep a predefined ECS metric near a target.</summary>
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

public sealed record TierAutoscalingArgs(
    string Tier,
    EcsCluster Cluster,
    EcsService Service,
    TierSize Size,
    IReadOnlyList<ScalingRule> Rules,
    IReadOnlyDictionary<string, string> Tags);

/// <summary>An ECS service's task count between the tier's minimum and maximum, driven by target tracking.</summary>
public sealed class TierAutoscaling
{
    public TierAutoscaling(PulumiProgram program, string component, TierAutoscalingArgs args)
    {
        Target = program.Add(component, new ScalingTarget($"{args.Tier}-scaling-target", new ScalingTargetArgs
        {
            MinCapacity = args.Size.MinTasks,
            MaxCapacity = args.Size.MaxTasks,
            ResourceId = Interpolation.Of("service/", args.Cluster.ClusterName, "/", args.Service.ServiceName),
            ScalableDimension = "ecs:service:DesiredCount",
            ServiceNamespace = "ecs",
            Tags = args.Tags,
        }));

        Policies = [.. args.Rules.Select(rule => program.Add(component, new ScalingPolicy($"{args.Tier}-scale-on-{rule.Name}", new ScalingPolicyArgs
        {
            Name = $"{args.Tier}-{rule.Name}-target-tracking",
            PolicyType = "TargetTrackingScaling",
            ResourceId = Target.ResourceId,
            ScalableDimension = Target.ScalableDimension,
            ServiceNamespace = Target.ServiceNamespace,
            TargetTrackingScalingPolicyConfiguration = new TargetTrackingConfiguration(
                new PredefinedMetricSpecification(rule.PredefinedMetric), rule.TargetPercent, rule.ScaleInCooldownSeconds, rule.ScaleOutCooldownSeconds),
        })))];
    }

    public ScalingTarget Target { get; }

    public IReadOnlyList<ScalingPolicy> Policies { get; }
}
