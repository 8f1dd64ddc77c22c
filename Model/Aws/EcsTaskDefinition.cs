namespace Infra.Model.Aws;

/// <summary><c>aws:ecs:TaskDefinition</c>; container definitions are a JSON string the program builds with fn::toJSON.</summary>
public sealed class EcsTaskDefinition(string name, EcsTaskDefinitionArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:ecs:TaskDefinition";

    public Output<string> Arn => OutputOf<string>("arn");
}

public sealed record EcsTaskDefinitionArgs
{
    public required string Family { get; init; }

    /// <summary>Fargate takes CPU units and MiB as strings.</summary>
    public required string Cpu { get; init; }

    public required string Memory { get; init; }

    public required string NetworkMode { get; init; }

    public required IReadOnlyList<string> RequiresCompatibilities { get; init; }

    public required Input<string> ExecutionRoleArn { get; init; }

    public required Input<string> TaskRoleArn { get; init; }

    public required Output<string> ContainerDefinitions { get; init; }

    public required RuntimePlatform RuntimePlatform { get; init; }

    /// <summary>Task volumes; a volume with only a name is a bind mount on the task's ephemeral storage.</summary>
    public IReadOnlyList<TaskVolume>? Volumes { get; init; }

    /// <summary>Fargate ephemeral storage beyond the default 20 GiB: 21 to 200 GiB.</summary>
    public TaskEphemeralStorage? EphemeralStorage { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record TaskVolume(string Name);

public sealed record TaskEphemeralStorage(int SizeInGib);

public sealed record RuntimePlatform(string OperatingSystemFamily, string CpuArchitecture);
