namespace Infra.Model.Aws;

/// <summary><c>aws:servicediscovery:PrivateDnsNamespace</c>: a Cloud Map namespace resolvable inside one VPC.</summary>
public sealed class PrivateDnsNamespace(string name, PrivateDnsNamespaceArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:servicediscovery:PrivateDnsNamespace";

    public Output<string> Id => OutputOf<string>("id");

    public Output<string> NamespaceName => OutputOf<string>("name");
}

public sealed record PrivateDnsNamespaceArgs
{
    public required string Name { get; init; }

    public required string Vpc { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary><c>aws:servicediscovery:Service</c>: the instances ECS registers and deregisters as tasks come and go.</summary>
public sealed class DiscoveryService(string name, DiscoveryServiceArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:servicediscovery:Service";

    public Output<string> Arn => OutputOf<string>("arn");

    public Output<string> ServiceName => OutputOf<string>("name");
}

public sealed record DiscoveryServiceArgs
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public required DiscoveryDnsConfig DnsConfig { get; init; }

    /// <summary>Present (even empty): health comes from ECS, which reports each task's state.</summary>
    public DiscoveryHealthCheckCustomConfig? HealthCheckCustomConfig { get; init; }

    /// <summary>Deregisters leftover instances when the service is deleted, instead of failing the delete.</summary>
    public bool? ForceDestroy { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record DiscoveryDnsConfig(Input<string> NamespaceId, IReadOnlyList<DiscoveryDnsRecord> DnsRecords, string RoutingPolicy);

public sealed record DiscoveryDnsRecord(int Ttl, string Type);

public sealed record DiscoveryHealthCheckCustomConfig;
