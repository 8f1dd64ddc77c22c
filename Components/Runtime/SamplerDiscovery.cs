using Infra.Collector;
using Infra.Model;
using Infra.Model.Aws;

namespace Infra.Components.Runtime;

public sealed record SamplerDiscoveryArgs(SamplerDiscoveryNames Names, string VpcId, IReadOnlyDictionary<string, string> Tags);

/// <summary>
/// How routers find samplers: a Cloud Map private DNS namespace of the VPC and a service in it, in
/// which ECS registers every sampler task (A record, multivalue) and reports its health.
/// </summary>
public sealed class SamplerDiscovery
{
    public const string ComponentName = "sampler-discovery";

    public SamplerDiscovery(PulumiProgram program, SamplerDiscoveryArgs args)
    {
        Names = args.Names;
        Namespace = program.Add(ComponentName, new PrivateDnsNamespace("sampler-namespace", new PrivateDnsNamespaceArgs
        {
            Name = args.Names.Namespace,
            Vpc = args.VpcId,
            Description = "Tail-sampling collectors, found by the routing tier.",
            Tags = args.Tags,
        }));

        Service = program.Add(ComponentName, new DiscoveryService("sampler-discovery-service", new DiscoveryServiceArgs
        {
            Name = args.Names.Service,
            Description = "One instance per running sampler task, registered by ECS.",
            DnsConfig = new DiscoveryDnsConfig(Namespace.Id, [new DiscoveryDnsRecord(Ttl: 10, Type: "A")], RoutingPolicy: "MULTIVALUE"),
            HealthCheckCustomConfig = new DiscoveryHealthCheckCustomConfig(),
            ForceDestroy = true,
            Tags = args.Tags,
        }));
    }

    public SamplerDiscoveryNames Names { get; }

    public PrivateDnsNamespace Namespace { get; }

    public DiscoveryService Service { get; }
}
