using Infra.Collector;
using Infra.Model;
using Infra.Model.Aws;
using Infra.Settings.Topology;

namespace Infra.Components.Runtime;

public sealed record CollectorNetworkArgs(
    string NamePrefix,
    string VpcId,
    string VpcCidr,
    IReadOnlyList<string> IngressCidrs,
    CollectorTopology Topology,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>With VPC endpoints for AWS, a tier that never talks to Azure reaches HTTPS only inside the VPC.</summary>
    public bool PrivateAwsEndpoints { get; init; }
}

/// <summary>
/// The security groups, one resource per rule so each shows in review on its own. The load balancer has its own group,
/// which alone admits the senders' CIDRs on the OTLP ports; the tier behind it admits OTLP and health checks only from
/// that group, so no sender can skip the load balancer (and its TLS) by addressing a task. A sampling tier takes
/// OTLP/gRPC only from the routers' group. Out: the tier that exports reaches 443 anywhere (X-Ray, Azure Monitor and the
/// AWS APIs); a routing tier reaches 443 only inside the VPC when VPC endpoints serve the AWS APIs, plus the samplers on 4317.
/// </summary>
public sealed class CollectorNetwork
{
    public const string ComponentName = "collector-network";
    public const int HttpsPort = 443;

    private static readonly (int Port, string Protocol)[] OtlpPorts =
        [(CollectorConfigFactory.OtlpGrpcPort, "grpc"), (CollectorConfigFactory.OtlpHttpPort, "http")];

    private readonly PulumiProgram _program;
    private readonly IReadOnlyDictionary<string, string> _tags;

    public CollectorNetwork(PulumiProgram program, CollectorNetworkArgs args)
    {
        _program = program;
        _tags = args.Tags;
        var receiving = args.Topology.Receiving;

        LoadBalancer = Group("load-balancer", $"OTLP load balancer {args.NamePrefix}: OTLP in from the senders' CIDRs, out to the {receiving.Name} tasks only", args.VpcId);
        _program.ExposeForRepeated(LoadBalancer.Id);
        for (var i = 0; i < args.IngressCidrs.Count; i++)
        {
            foreach (var (port, protocol) in OtlpPorts)
            {
                // One per sender CIDR and protocol: a repeated component, so a new CIDR needs no new template.
                _program.AddRepeated("sender-ingress-rule", new SecurityGroupIngressRule(
                    $"load-balancer-otlp-{protocol}-ingress-{i + 1}", Rule(LoadBalancer, port, $"OTLP/{protocol} from {args.IngressCidrs[i]}", args.IngressCidrs[i], peer: null)));
            }
        }

        Receiving = Group(receiving.Name, $"OpenTelemetry collector {args.NamePrefix} {receiving.Name}: OTLP and health checks only from the load balancer, HTTPS out", args.VpcId);
        foreach (var (port, protocol) in OtlpPorts)
        {
            Ingress($"{receiving.Name}-otlp-{protocol}-from-load-balancer", Receiving, port, $"OTLP/{protocol} through the load balancer only", peer: LoadBalancer);
            Egress($"load-balancer-otlp-{protocol}-to-{receiving.Name}", LoadBalancer, port, $"OTLP/{protocol} to the {receiving.Name} tasks", peer: Receiving);
        }
        Ingress($"{receiving.Name}-health-check-from-load-balancer", Receiving, CollectorConfigFactory.HealthCheckPort, "Health checks from the load balancer only", peer: LoadBalancer);
        Egress($"load-balancer-health-check-to-{receiving.Name}", LoadBalancer, CollectorConfigFactory.HealthCheckPort, $"Health checks of the {receiving.Name} tasks", peer: Receiving);
        HttpsEgress(receiving, Receiving, args);

        // A sampling tier behind the receiving one: reached only from it.
        var sampling = args.Topology.Sampling;
        if (!sampling.ReceivesFromOutside)
        {
            Sampling = Group(sampling.Name, $"OpenTelemetry collector {args.NamePrefix} {sampling.Name}: OTLP/gRPC only from the routers, HTTPS out", args.VpcId);
            Ingress($"{sampling.Name}-otlp-grpc-from-routers", Sampling, CollectorConfigFactory.OtlpGrpcPort, "OTLP/gRPC from the routing tier only", peer: Receiving);
            HttpsEgress(sampling, Sampling, args);
            Egress($"{receiving.Name}-otlp-grpc-to-samplers", Receiving, CollectorConfigFactory.OtlpGrpcPort, "OTLP/gRPC to the sampling tier, routed by trace ID", peer: Sampling);
        }
    }

    /// <summary>The load balancer's own group: the only one that admits a sender's CIDR.</summary>
    public SecurityGroup LoadBalancer { get; }

    /// <summary>The group of the tier behind the load balancer (the single collector, or the routers).</summary>
    public SecurityGroup Receiving { get; }

    /// <summary>The sampling tier's group when it is not the receiving tier.</summary>
    public SecurityGroup? Sampling { get; }

    /// <summary>The group a tier's tasks run in.</summary>
    public SecurityGroup GroupOf(TierSpec tier) => tier.ReceivesFromOutside ? Receiving : Sampling!;

    private SecurityGroup Group(string name, string description, string vpcId) =>
        _program.Add(ComponentName, new SecurityGroup($"{name}-security-group", new SecurityGroupArgs
        {
            Description = description,
            VpcId = vpcId,
            RevokeRulesOnDelete = true,
            Tags = _tags,
        }));

    private void Ingress(string name, SecurityGroup group, int port, string description, string? cidr = null, SecurityGroup? peer = null) =>
        _program.Add(ComponentName, new SecurityGroupIngressRule(name, Rule(group, port, description, cidr, peer)));

    private void Egress(string name, SecurityGroup group, int port, string description, string? cidr = null, SecurityGroup? peer = null) =>
        _program.Add(ComponentName, new SecurityGroupEgressRule(name, Rule(group, port, description, cidr, peer)));

    private SecurityGroupRuleArgs Rule(SecurityGroup group, int port, string description, string? cidr, SecurityGroup? peer) => new()
    {
        SecurityGroupId = group.Id,
        IpProtocol = "tcp",
        FromPort = port,
        ToPort = port,
        CidrIpv4 = cidr,
        ReferencedSecurityGroupId = peer is null ? null : (Input<string>)peer.Id,
        Description = description,
        Tags = _tags,
    };

    /// <summary>The exporting tier reaches Azure and AWS on 443; a routing tier, with VPC endpoints, only the VPC.</summary>
    private void HttpsEgress(TierSpec tier, SecurityGroup group, CollectorNetworkArgs args)
    {
        var insideVpc = args.PrivateAwsEndpoints && !tier.SamplesAndExports;
        Egress($"{tier.Name}-https-egress", group, HttpsPort,
            insideVpc ? "HTTPS to the AWS APIs' VPC endpoints only (this tier never talks to Azure)" : "HTTPS to X-Ray, Azure Monitor, SSM, CloudWatch Logs, Cloud Map and the image registry",
            cidr: insideVpc ? args.VpcCidr : Settings.Cidr.Anywhere);
    }
}
