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
    IReadOnlyDictionary<string, string> Tags);

/// <summary>
/// The collectors' security groups. The tier behind the load balancer takes OTLP only from the named
/// CIDRs and health checks only from inside the VPC; a sampling tier takes OTLP/gRPC only from the
/// routing tier's group (a group-to-group rule, no CIDR). Out: TCP 443 only (X-Ray, Azure Monitor,
/// SSM, CloudWatch Logs, Cloud Map and the image registry are all HTTPS), plus routers to samplers on
/// 4317. One resource per rule, so each shows in review on its own.
/// </summary>
public sealed class CollectorNetwork
{
    public const string ComponentName = "collector-network";
    public const int HttpsPort = 443;

    private readonly PulumiProgram _program;
    private readonly IReadOnlyDictionary<string, string> _tags;

    public CollectorNetwork(PulumiProgram program, CollectorNetworkArgs args)
    {
        _program = program;
        _tags = args.Tags;
        var receiving = args.Topology.Receiving.Name;
        Receiving = Group(receiving, $"OpenTelemetry collector {args.NamePrefix} {receiving}: OTLP in from named CIDRs, HTTPS out", args.VpcId);

        for (var i = 0; i < args.IngressCidrs.Count; i++)
        {
            foreach (var (port, protocol) in OtlpPorts)
            {
                Ingress($"{receiving}-otlp-{protocol}-ingress-{i + 1}", Receiving, port, $"OTLP/{protocol} from {args.IngressCidrs[i]}", cidr: args.IngressCidrs[i]);
            }
        }
        Ingress($"{receiving}-health-check-ingress", Receiving, CollectorConfigFactory.HealthCheckPort, "Load balancer health checks from inside the VPC", cidr: args.VpcCidr);
        HttpsEgress(receiving, Receiving);

        // A sampling tier behind the receiving one: reached only from it.
        var sampling = args.Topology.Sampling;
        if (!sampling.ReceivesFromOutside)
        {
            Sampling = Group(sampling.Name, $"OpenTelemetry collector {args.NamePrefix} {sampling.Name}: OTLP/gRPC only from the routers, HTTPS out", args.VpcId);
            Ingress($"{sampling.Name}-otlp-grpc-from-routers", Sampling, CollectorConfigFactory.OtlpGrpcPort, "OTLP/gRPC from the routing tier only", peer: Receiving);
            HttpsEgress(sampling.Name, Sampling);
            _program.Add(ComponentName, new SecurityGroupEgressRule($"{receiving}-otlp-grpc-to-samplers", new SecurityGroupRuleArgs
            {
                SecurityGroupId = Receiving.Id,
                IpProtocol = "tcp",
                FromPort = CollectorConfigFactory.OtlpGrpcPort,
                ToPort = CollectorConfigFactory.OtlpGrpcPort,
                ReferencedSecurityGroupId = Sampling.Id,
                Description = "OTLP/gRPC to the sampling tier, routed by trace ID",
                Tags = _tags,
            }));
        }
    }

    /// <summary>The group of the tier behind the load balancer (the single collector, or the routers).</summary>
    public SecurityGroup Receiving { get; }

    /// <summary>The sampling tier's group when it is not the receiving tier.</summary>
    public SecurityGroup? Sampling { get; }

    /// <summary>The group a tier's tasks run in.</summary>
    public SecurityGroup GroupOf(TierSpec tier) => tier.ReceivesFromOutside ? Receiving : Sampling!;

    private static readonly (int Port, string Protocol)[] OtlpPorts =
        [(CollectorConfigFactory.OtlpGrpcPort, "grpc"), (CollectorConfigFactory.OtlpHttpPort, "http")];

    private SecurityGroup Group(string tier, string description, string vpcId) =>
        _program.Add(ComponentName, new SecurityGroup($"{tier}-security-group", new SecurityGroupArgs
        {
            Description = description,
            VpcId = vpcId,
            RevokeRulesOnDelete = true,
            Tags = _tags,
        }));

    private void Ingress(string name, SecurityGroup group, int port, string description, string? cidr = null, SecurityGroup? peer = null) =>
        _program.Add(ComponentName, new SecurityGroupIngressRule(name, new SecurityGroupRuleArgs
        {
            SecurityGroupId = group.Id,
            IpProtocol = "tcp",
            FromPort = port,
            ToPort = port,
            CidrIpv4 = cidr,
            ReferencedSecurityGroupId = peer is null ? null : (Input<string>)peer.Id,
            Description = description,
            Tags = _tags,
        }));

    private void HttpsEgress(string tier, SecurityGroup group) =>
        _program.Add(ComponentName, new SecurityGroupEgressRule($"{tier}-https-egress", new SecurityGroupRuleArgs
        {
            SecurityGroupId = group.Id,
            IpProtocol = "tcp",
            FromPort = HttpsPort,
            ToPort = HttpsPort,
            CidrIpv4 = Settings.Cidr.Anywhere,
            Description = "HTTPS to X-Ray, Azure Monitor, SSM, CloudWatch Logs, Cloud Map and the image registry",
            Tags = _tags,
        }));
}
