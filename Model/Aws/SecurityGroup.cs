namespace Infra.Model.Aws;

/// <summary><c>aws:ec2:SecurityGroup</c> without inline rules: each rule is its own resource, and the provider removes AWS's default allow-all egress.</summary>
public sealed class SecurityGroup(string name, SecurityGroupArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:ec2:SecurityGroup";

    public Output<string> Id => OutputOf<string>("id");
}

public sealed record SecurityGroupArgs
{
    public required string Description { get; init; }

    public required string VpcId { get; init; }

    public bool? RevokeRulesOnDelete { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
