namespace Infra.Model.Aws;

/// <summary><c>aws:vpc:SecurityGroupIngressRule</c>: one inbound rule.</summary>
public sealed class SecurityGroupIngressRule(string name, SecurityGroupRuleArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:vpc:SecurityGroupIngressRule";
}

/// <summary><c>aws:vpc:SecurityGroupEgressRule</c>: one outbound rule.</summary>
public sealed class SecurityGroupEgressRule(string name, SecurityGroupRuleArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:vpc:SecurityGroupEgressRule";
}

public sealed record SecurityGroupRuleArgs
{
    public required Input<string> SecurityGroupId { get; init; }

    public required string IpProtocol { get; init; }

    public required int FromPort { get; init; }

    public required int ToPort { get; init; }

    /// <summary>The peer: a CIDR, or (exclusively) another security group.</summary>
    [WireName("cidrIpv4")]
    public string? CidrIpv4 { get; init; }

    public Input<string>? ReferencedSecurityGroupId { get; init; }

    public required string Description { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
