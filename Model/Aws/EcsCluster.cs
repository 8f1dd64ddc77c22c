namespace Infra.Model.Aws;

/// <summary><c>aws:ecs:Cluster</c>.</summary>
public sealed class EcsCluster(string name, EcsClusterArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:ecs:Cluster";

    public Output<string> Arn => OutputOf<string>("arn");

    public Output<string> ClusterName => OutputOf<string>("name");
}

public sealed record EcsClusterArgs
{
    public required IReadOnlyList<NameValue> Settings { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>A name/value pair, as ECS cluster settings and container environment variables take them.</summary>
public sealed record NameValue(string Name, string Value);
