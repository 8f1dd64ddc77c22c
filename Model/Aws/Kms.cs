namespace Infra.Model.Aws;

/// <summary><c>aws:kms:Key</c>: a customer-managed key whose policy alone decides who may use it.</summary>
public sealed class KmsKey(string name, KmsKeyArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:kms:Key";

    public Output<string> Arn => OutputOf<string>("arn");

    public Output<string> KeyId => OutputOf<string>("keyId");
}

public sealed record KmsKeyArgs
{
    public required string Description { get; init; }

    public required bool EnableKeyRotation { get; init; }

    /// <summary>7..30 days between scheduling deletion and deleting.</summary>
    public int? DeletionWindowInDays { get; init; }

    public required Output<string> Policy { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary><c>aws:kms:Alias</c>.</summary>
public sealed class KmsAlias(string name, KmsAliasArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:kms:Alias";
}

public sealed record KmsAliasArgs
{
    public required string Name { get; init; }

    public required Input<string> TargetKeyId { get; init; }
}
