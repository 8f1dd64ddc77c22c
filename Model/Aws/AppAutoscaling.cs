namespace Infra.Model.Aws;

/// <summary><c>aws:appautoscaling:Target</c>: the range an ECS service's task count may move in.</summary>
public sealed class ScalingTarget(string name, ScalingTargetArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:appautoscaling:Target";

    public Output<string> ResourceId => OutputOf<string>("resourceId");

    public Output<string> ScalableDimension => OutputOf<string>("scalableDimension");

    public Output<string> ServiceNamespace => OutputOf<string>("serviceNamespace");
}

public sealed record ScalingTargetArgs
{
    public required int MinCapacity { get; init; }

    public required int MaxCapacity { get; init; }

    /// <summary><c>service/&lt;cluster name&gt;/&lt;service name&gt;</c> for ECS.</summary>
    public required Input<string> ResourceId { get; init; }

    public required string ScalableDimension { get; init; }

    public required string ServiceNamespace { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary><c>aws:appautoscaling:Policy</c>.</summary>
public sealed class ScalingPolicy(string name, ScalingPolicyArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:appautoscaling:Policy";
}

public sealed record ScalingPolicyArgs
{
    public required string Name { get; init; }

    public required string PolicyType { get; init; }

    public required Input<string> ResourceId { get; init; }

    public required Input<string> ScalableDimension { get; init; }

    public required Input<string> ServiceNamespace { get; init; }

    public required TargetTrackingConfiguration TargetTrackingScalingPolicyConfiguration { get; init; }
}

public sealed record TargetTrackingConfiguration(
    PredefinedMetricSpecification PredefinedMetricSpecification,
    double TargetValue,
    int ScaleInCooldown,
    int ScaleOutCooldown);

public sealed record PredefinedMetricSpecification(string PredefinedMetricType);
