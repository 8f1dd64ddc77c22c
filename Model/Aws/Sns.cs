namespace Infra.Model.Aws;

/// <summary><c>aws:sns:Topic</c>.</summary>
public sealed class SnsTopic(string name, SnsTopicArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:sns:Topic";

    public Output<string> Arn => OutputOf<string>("arn");
}

public sealed record SnsTopicArgs
{
    public required string Name { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>The KMS key messages are encrypted with at rest; publishers (CloudWatch alarms) need it in its key policy.</summary>
    public Input<string>? KmsMasterKeyId { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary><c>aws:sns:TopicSubscription</c>. An email subscription waits for the recipient's confirmation.</summary>
public sealed class SnsTopicSubscription(string name, SnsTopicSubscriptionArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:sns:TopicSubscription";
}

public sealed record SnsTopicSubscriptionArgs
{
    public required Input<string> Topic { get; init; }

    public required string Protocol { get; init; }

    public required string Endpoint { get; init; }
}
