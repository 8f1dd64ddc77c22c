namespace Infra.Model.Aws;

/// <summary>One ECS container definition, keys as the ECS RegisterTaskDefinition API names them.</summary>
public sealed record ContainerDefinition
{
    public required string Name { get; init; }

    public required string Image { get; init; }

    public bool Essential { get; init; } = true;

    public IReadOnlyList<string>? Command { get; init; }

    public IReadOnlyList<PortMapping>? PortMappings { get; init; }

    public IReadOnlyList<NameValue>? Environment { get; init; }

    /// <summary>Injected as environment variables from SSM or Secrets Manager, by ARN.</summary>
    public IReadOnlyList<ContainerSecret>? Secrets { get; init; }

    public LogConfiguration? LogConfiguration { get; init; }

    public bool? ReadonlyRootFilesystem { get; init; }

    public string? User { get; init; }

    /// <summary>The whole list, rendered as <c>fn::toJSON</c> so ARNs inside stay references.</summary>
    public static Output<string> ToJson(IReadOnlyList<ContainerDefinition> containers) => new(new ToJsonExpression(containers));
}

public sealed record PortMapping(int ContainerPort, string Protocol, string Name);

public sealed record ContainerSecret(string Name, Input<string> ValueFrom);

public sealed record LogConfiguration(string LogDriver, IReadOnlyDictionary<string, Input<string>> Options);
