namespace Infra.Model.Aws;

/// <summary><c>aws:lb:LoadBalancer</c>.</summary>
public sealed class LoadBalancer(string name, LoadBalancerArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:lb:LoadBalancer";

    public Output<string> Arn => OutputOf<string>("arn");

    /// <summary>net/name/id: the <c>LoadBalancer</c> dimension of AWS/NetworkELB metrics.</summary>
    public Output<string> ArnSuffix => OutputOf<string>("arnSuffix");

    public Output<string> DnsName => OutputOf<string>("dnsName");
}

public sealed record LoadBalancerArgs
{
    public required string LoadBalancerType { get; init; }

    public required bool Internal { get; init; }

    public required IReadOnlyList<string> Subnets { get; init; }

    public bool? EnableCrossZoneLoadBalancing { get; init; }

    public bool? EnableDeletionProtection { get; init; }

    /// <summary>Security groups can be set only when the load balancer is created: adding them replaces it.</summary>
    public IReadOnlyList<Input<string>>? SecurityGroups { get; init; }

    /// <summary>Access logs to S3; an NLB writes them for TLS listeners only.</summary>
    public LoadBalancerAccessLogs? AccessLogs { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record LoadBalancerAccessLogs(Input<string> Bucket, bool Enabled, string? Prefix = null);

/// <summary><c>aws:lb:TargetGroup</c>.</summary>
public sealed class TargetGroup(string name, TargetGroupArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:lb:TargetGroup";

    public Output<string> Arn => OutputOf<string>("arn");

    /// <summary>targetgroup/name/id: the <c>TargetGroup</c> dimension of AWS/NetworkELB metrics.</summary>
    public Output<string> ArnSuffix => OutputOf<string>("arnSuffix");
}

public sealed record TargetGroupArgs
{
    public required int Port { get; init; }

    public required string Protocol { get; init; }

    public required string TargetType { get; init; }

    public required string VpcId { get; init; }

    /// <summary>"true": the tasks see the sender's address, so their security group can filter by the stack's CIDRs.</summary>
    public string? PreserveClientIp { get; init; }

    public int? DeregistrationDelay { get; init; }

    public required TargetGroupHealthCheck HealthCheck { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record TargetGroupHealthCheck
{
    public bool Enabled { get; init; } = true;

    public required string Protocol { get; init; }

    /// <summary>The provider takes the port as a string.</summary>
    public required string Port { get; init; }

    public required string Path { get; init; }

    public int? Interval { get; init; }

    public int? HealthyThreshold { get; init; }

    public int? UnhealthyThreshold { get; init; }
}

/// <summary><c>aws:lb:Listener</c>.</summary>
public sealed class Listener(string name, ListenerArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:lb:Listener";
}

public sealed record ListenerArgs
{
    public required Input<string> LoadBalancerArn { get; init; }

    public required int Port { get; init; }

    /// <summary>TCP, or TLS with a certificate.</summary>
    public required string Protocol { get; init; }

    public string? CertificateArn { get; init; }

    public string? SslPolicy { get; init; }

    /// <summary>gRPC over TLS needs HTTP/2 negotiated by ALPN.</summary>
    public string? AlpnPolicy { get; init; }

    public required IReadOnlyList<ListenerDefaultAction> DefaultActions { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record ListenerDefaultAction(string Type, Input<string> TargetGroupArn);
