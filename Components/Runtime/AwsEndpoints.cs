using Infra.Model;
using Infra.Model.Aws;

namespace Infra.Components.Runtime;

public sealed record AwsEndpointsArgs(
    string NamePrefix,
    string AwsRegion,
    string VpcId,
    string VpcCidr,
    IReadOnlyList<string> SubnetIds,
    IReadOnlyList<string> RouteTableIds,
    IReadOnlyDictionary<string, string> Tags);

/// <summary>
/// VPC endpoints for every AWS API the tasks call, so the routing tier needs no internet egress at all: SSM (config and
/// secrets at start), CloudWatch Logs (logs and EMF metrics), X-Ray (OTLP traces), ECR (API and registry) with the S3
/// gateway endpoint for image layers, and Cloud Map (DiscoverInstances is served by data-servicediscovery). Interface
/// endpoints admit HTTPS from the VPC only.
/// </summary>
public sealed class AwsEndpoints
{
    public const string ComponentName = "aws-endpoints";

    /// <summary>The services, by the last part of their endpoint service name (com.amazonaws.REGION.NAME).</summary>
    public static readonly IReadOnlyList<string> InterfaceServices = ["ssm", "logs", "xray", "ecr.api", "ecr.dkr", "servicediscovery", "data-servicediscovery"];

    public AwsEndpoints(PulumiProgram program, AwsEndpointsArgs args)
    {
        var group = program.Add(ComponentName, new SecurityGroup("aws-endpoints-security-group", new SecurityGroupArgs
        {
            Description = $"AWS API endpoints {args.NamePrefix}: HTTPS from inside the VPC",
            VpcId = args.VpcId,
            RevokeRulesOnDelete = true,
            Tags = args.Tags,
        }));
        program.Add(ComponentName, new SecurityGroupIngressRule("aws-endpoints-https-ingress", new SecurityGroupRuleArgs
        {
            SecurityGroupId = group.Id,
            IpProtocol = "tcp",
            FromPort = CollectorNetwork.HttpsPort,
            ToPort = CollectorNetwork.HttpsPort,
            CidrIpv4 = args.VpcCidr,
            Description = "HTTPS from the tasks in the VPC",
            Tags = args.Tags,
        }));
        Endpoints = [.. InterfaceServices.Select(service => program.Add(ComponentName, new VpcEndpoint($"{service.Replace('.', '-')}-endpoint", new VpcEndpointArgs
        {
            VpcId = args.VpcId,
            ServiceName = $"com.amazonaws.{args.AwsRegion}.{service}",
            VpcEndpointType = "Interface",
            SubnetIds = args.SubnetIds,
            SecurityGroupIds = [group.Id],
            PrivateDnsEnabled = true,
            Tags = args.Tags,
        }))),
            program.Add(ComponentName, new VpcEndpoint("s3-endpoint", new VpcEndpointArgs
            {
                VpcId = args.VpcId,
                ServiceName = $"com.amazonaws.{args.AwsRegion}.s3",
                VpcEndpointType = "Gateway",
                RouteTableIds = args.RouteTableIds,
                Tags = args.Tags,
            })),
        ];
    }

    public IReadOnlyList<VpcEndpoint> Endpoints { get; }
}
