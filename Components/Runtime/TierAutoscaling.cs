using Infra.Model;
using Infra.Model.Aws;
using Infra.Settings.Topology;

namespace Infra.Components.Runtime;

public sealed record TierAutoscalingArgs(
    TierSpec Tier,
    EcsCluster Cluster,
    EcsService Service,
    IReadOnlyDictionary<string, string> Tags);

/// <summary>An ECS service's task count between the tier's minimum and maximum, driven by target tracking.</summary>
public sealed class TierAutoscaling
{
    public TierAutoscaling(PulumiProgram program, string component, TierAutoscalingArgs args)
    {
        var tier = args.Tier.Name;
        Target = program.Add(component, new ScalingTarget($"{tier}-scaling-target", new ScalingTargetArgs
        {
            MinCapacity = args.Tier.Size.MinTasks,
            MaxCapacity = args.Tier.Size.MaxTasks,
            ResourceId = Interpolation.Of("service/", args.Cluster.ClusterName, "/", args.Service.ServiceName),
            ScalableDimension = "ecs:service:DesiredCount",
            ServiceNamespace = "ecs",
            Tags = args.Tags,
        }));

        Policies = [.. args.Tier.Scaling.Select(rule => program.Add(component, new ScalingPolicy($"{tier}-scale-on-{rule.Name}", new ScalingPolicyArgs
        {
            Name = $"{tier}-{rule.Name}-target-tracking",
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
