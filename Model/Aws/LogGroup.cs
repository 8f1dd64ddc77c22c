namespace Infra.Model.Aws;

/// <summary><c>aws:cloudwatch:LogGroup</c>.</summary>
public sealed class LogGroup(string name, LogGroupArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:cloudwatch:LogGroup";

    public Output<string> Arn => OutputOf<string>("arn");

    public Output<string> LogGroupName => OutputOf<string>("name");
}

public sealed record LogGroupArgs
{
    public required string Name { get; init; }

    public required int RetentionInDays { get; init; }

    /// <summary>The KMS key (ARN) CloudWatch Logs encrypts the group with; its policy must admit the Logs service.</summary>
    public Input<string>? KmsKeyId { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
