using Infra.Collector;
using Infra.Model;
using Infra.Model.Aws;

namespace Infra.Components;

public sealed record CollectorNetworkArgs(
    string NamePrefix,
    string VpcId,
    string VpcCidr,
    IReadOnlyList<string> IngressCidrs,
    IReadOnlyDictionary<string, string> Tags);

/// <summary>
/// The collector's security group: OTLP in only from the named CIDRs, health checks only from
/// inside the VPC, and out only on TCP 443 (X-Ray, Azure Monitor, SSM, CloudWatch Logs and the
/// image registry are all HTTPS). One resource per rule, so each shows in review on its own.
/// </summary>
public sealed class CollectorNetwork
{
    public const string ComponentName = "collector-network";
    public const int HttpsPort = 443;

    public CollectorNetwork(PulumiProgram program, CollectorNetworkArgs args)
    {
        SecurityGroup = program.Add(ComponentName, new SecurityGroup("collector-security-group", new SecurityGroupArgs
        {
            Description = $"OpenTelemetry collector {args.NamePrefix}: OTLP in from named CIDRs, HTTPS out",
            VpcId = args.VpcId,
            RevokeRulesOnDelete = true,
            Tags = args.Tags,
        }));

        for (var i = 0; i < args.IngressCidrs.Count; i++)
        {
            foreach (var (port, protocol) in new[] { (CollectorConfigFactory.OtlpGrpcPort, "grpc"), (CollectorConfigFactory.OtlpHttpPort, "http") })
            {
                Ingress($"otlp-{protocol}-ingress-{i + 1}", port, args.IngressCidrs[i], $"OTLP/{protocol} from {args.IngressCidrs[i]}");
            }
        }
        Ingress("health-check-ingress", CollectorConfigFactory.HealthCheckPort, args.VpcCidr, "Load balancer health checks from inside the VPC");

        program.Add(ComponentName, new SecurityGroupEgressRule("https-egress", new SecurityGroupRuleArgs
        {
            SecurityGroupId = SecurityGroup.Id,
            IpProtocol = "tcp",
            FromPort = HttpsPort,
            ToPort = HttpsPort,
            CidrIpv4 = Settings.Cidr.Anywhere,
            Description = "HTTPS to X-Ray, Azure Monitor, SSM, CloudWatch Logs and the image registry",
            Tags = args.Tags,
        }));

        void Ingress(string name, int port, string cidr, string description) =>
            program.Add(ComponentName, new SecurityGroupIngressRule(name, new SecurityGroupRuleArgs
            {
                SecurityGroupId = SecurityGroup.Id,
                IpProtocol = "tcp",
                FromPort = port,
                ToPort = port,
                CidrIpv4 = cidr,
                Description = description,
                Tags = args.Tags,
            }));
    }

    public SecurityGroup SecurityGroup { get; }
}
