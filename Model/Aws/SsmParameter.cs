namespace Infra.Model.Aws;

/// <summary><c>aws:ssm:Parameter</c>.</summary>
public sealed class SsmParameter(string name, SsmParameterArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    /// <summary>SSM Standard parameters hold at most 4 KiB; Advanced, 8 KiB.</summary>
    public const int StandardTierMaxBytes = 4096;
    public const int AdvancedTierMaxBytes = 8192;

    public override string Type => "aws:ssm:Parameter";

    public Output<string> Arn => OutputOf<string>("arn");
}

public sealed record SsmParameterArgs
{
    public required string Name { get; init; }

    /// <summary>String, StringList or SecureString.</summary>
    public required string Type { get; init; }

    /// <summary>The provider marks this secret: for SecureString values.</summary>
    public Input<string>? Value { get; init; }

    /// <summary>Shown in previews and diffs: for plain String values such as the collector YAML.</summary>
    public string? InsecureValue { get; init; }

    /// <summary>Standard or Advanced.</summary>
    public string? Tier { get; init; }

    /// <summary>The KMS key that encrypts a SecureString; none: the AWS-managed aws/ssm key.</summary>
    public Input<string>? KeyId { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
