namespace Infra.Model.Aws;

/// <summary><c>aws:ecs:Service</c>.</summary>
public sealed class EcsService(string name, EcsServiceArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:ecs:Service";

    public Output<string> ServiceName => OutputOf<string>("name");
}

public sealed record EcsServiceArgs
{
    public required Input<string> Cluster { get; init; }

    public required Input<string> TaskDefinition { get; init; }

    public required int DesiredCount { get; init; }

    public required string LaunchType { get; init; }

    public required ServiceNetworkConfiguration NetworkConfiguration { get; init; }

    public required ServiceDeploymentCircuitBreaker DeploymentCircuitBreaker { get; init; }

    public required int DeploymentMinimumHealthyPercent { get; init; }

    public required int DeploymentMaximumPercent { get; init; }

    public IReadOnlyList<ServiceLoadBalancer>? LoadBalancers { get; init; }

    /// <summary>At most one: the Cloud Map service ECS registers each task in.</summary>
    public ServiceRegistries? ServiceRegistries { get; init; }

    public int? HealthCheckGracePeriodSeconds { get; init; }

    /// <summary>CloudWatch alarms watched during a deployment; with rollback, one in ALARM rolls the deployment back.</summary>
    public ServiceAlarms? Alarms { get; init; }

    public string? PropagateTags { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record ServiceNetworkConfiguration(IReadOnlyList<string> Subnets, IReadOnlyList<Input<string>> SecurityGroups, bool AssignPublicIp);

public sealed record ServiceAlarms(IReadOnlyList<string> AlarmNames, bool Enable, bool Rollback);

public sealed record ServiceDeploymentCircuitBreaker(bool Enable, bool Rollback);

public sealed record ServiceRegistries(Input<string> RegistryArn);

public sealed record ServiceLoadBalancer(Input<string> TargetGroupArn, string ContainerName, int ContainerPort);
