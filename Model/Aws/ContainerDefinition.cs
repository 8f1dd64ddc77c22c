namespace Infra.Model.Aws;

/// <summary>One ECS container definition, keys as the ECS RegisterTaskDefinition API names them.</summary>
public sealed record ContainerDefinition
{
    public required string Name { get; init; }

    public required Input<string> Image { get; init; }

    public bool Essential { get; init; } = true;

    public IReadOnlyList<string>? Command { get; init; }

    public IReadOnlyList<PortMapping>? PortMappings { get; init; }

    public IReadOnlyList<NameValue>? Environment { get; init; }

    /// <summary>Injected as environment variables from SSM or Secrets Manager, by ARN.</summary>
    public IReadOnlyList<ContainerSecret>? Secrets { get; init; }

    public LogConfiguration? LogConfiguration { get; init; }

    public bool? ReadonlyRootFilesystem { get; init; }

    public string? User { get; init; }

    /// <summary>Seconds between SIGTERM and SIGKILL (Fargate: at most 120).</summary>
    public int? StopTimeout { get; init; }

    public IReadOnlyList<MountPoint>? MountPoints { get; init; }

    /// <summary>Containers that must reach a condition (START, COMPLETE, SUCCESS, HEALTHY) before this one starts.</summary>
    public IReadOnlyList<ContainerDependency>? DependsOn { get; init; }

    public ContainerHealthCheck? HealthCheck { get; init; }

    /// <summary>The whole list, rendered as <c>fn::toJSON</c> so ARNs inside stay references.</summary>
    public static Output<string> ToJson(IReadOnlyList<ContainerDefinition> containers) => new(new ToJsonExpression(containers));
}

public sealed record MountPoint(string SourceVolume, string ContainerPath, bool ReadOnly);

public sealed record ContainerDependency(string ContainerName, string Condition);

/// <summary>A container health check: the command runs inside the container (CMD or CMD-SHELL); times in seconds.</summary>
public sealed record ContainerHealthCheck(IReadOnlyList<string> Command, int Interval, int Timeout, int Retries, int StartPeriod);

public sealed record PortMapping(int ContainerPort, string Protocol, string Name);

public sealed record ContainerSecret(string Name, Input<string> ValueFrom);

public sealed record LogConfiguration(string LogDriver, IReadOnlyDictionary<string, Input<string>> Options);
