using Infra.Collector;
using Infra.Model;
using Infra.Model.Aws;

namespace Infra.Components.Runtime;

public sealed record CollectorLoadBalancerArgs(
    string VpcId,
    IReadOnlyList<string> SubnetIds,
    bool Internal,
    string? CertificateArn,
    string? HostName,
    bool DeletionProtection,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The load balancer's own security group (<see cref="CollectorNetwork.LoadBalancer"/>).</summary>
    public Input<string>? SecurityGroupId { get; init; }

    /// <summary>Where the access logs go (production); null: none.</summary>
    public Input<string>? AccessLogBucket { get; init; }

    /// <summary>The bucket policy that lets the load balancer write its logs: ELB checks it when logging is turned on.</summary>
    public Resource? AccessLogsReady { get; init; }
}

/// <summary>
/// A network load balancer in front of the collector: one listener and one IP target group per OTLP
/// port, TLS when the stack gives a certificate, health checked over HTTP on the health_check port.
/// </summary>
public sealed class CollectorLoadBalancer
{
    /// <summary>
    /// Short on purpose: a load balancer's and a target group's names hold 32 characters, and auto-naming gives
    /// them <c>&lt;component&gt;-&lt;child&gt;-</c> plus 7 random characters (pulumi-aws provider/aliases.go,
    /// <c>AutoName("name", 32, "-")</c>; Terraform's elbv2 <c>validName</c>), so both names stay within 24.
    /// </summary>
    public const string ComponentName = "otlp-nlb";
    public const string TlsPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    public CollectorLoadBalancer(PulumiProgram program, CollectorLoadBalancerArgs args)
    {
        var tls = args.CertificateArn is not null;
        LoadBalancer = program.Add(ComponentName, new LoadBalancer("load-balancer", new LoadBalancerArgs
        {
            LoadBalancerType = "network",
            Internal = args.Internal,
            Subnets = args.SubnetIds,
            EnableCrossZoneLoadBalancing = true,
            EnableDeletionProtection = args.DeletionProtection ? true : null,
            SecurityGroups = args.SecurityGroupId is { } securityGroup ? [securityGroup] : null,
            AccessLogs = args.AccessLogBucket is { } bucket ? new LoadBalancerAccessLogs(bucket, Enabled: true, Prefix: LoadBalancerLogs.Prefix) : null,
            Tags = args.Tags,
        }, new ResourceOptions { DependsOn = args.AccessLogsReady is null ? [] : [args.AccessLogsReady] }));

        var listeners = new List<Listener>();
        var targets = new List<(TargetGroup Group, int Port)>();
        foreach (var (port, protocol) in new[] { (CollectorConfigFactory.OtlpGrpcPort, "grpc"), (CollectorConfigFactory.OtlpHttpPort, "http") })
        {
            var group = program.Add(ComponentName, new TargetGroup($"{protocol}-targets", new TargetGroupArgs
            {
                Port = port,
                Protocol = "TCP",
                TargetType = "ip",
                VpcId = args.VpcId,
                PreserveClientIp = "true",
                DeregistrationDelay = 30,
                HealthCheck = new TargetGroupHealthCheck
                {
                    Protocol = "HTTP",
                    Port = CollectorConfigFactory.HealthCheckPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Path = "/",
                    Interval = 10,
                    HealthyThreshold = 2,
                    UnhealthyThreshold = 2,
                },
                Tags = args.Tags,
            }));
            targets.Add((group, port));
            listeners.Add(program.Add(ComponentName, new Listener($"{protocol}-listener", new ListenerArgs
            {
                LoadBalancerArn = LoadBalancer.Arn,
                Port = port,
                Protocol = tls ? "TLS" : "TCP",
                CertificateArn = args.CertificateArn,
                SslPolicy = tls ? TlsPolicy : null,
                AlpnPolicy = tls && protocol == "grpc" ? "HTTP2Preferred" : null,
                DefaultActions = [new ListenerDefaultAction("forward", group.Arn)],
                Tags = args.Tags,
            })));
        }
        Listeners = listeners;
        TargetGroups = targets;

        // With TLS, senders must connect to the name the certificate covers (a CNAME to the load balancer).
        var scheme = tls ? "https" : "http";
        Output<string> Endpoint(int port) => args.HostName is null
            ? Interpolation.Of($"{scheme}://", LoadBalancer.DnsName, $":{port}")
            : Interpolation.Of($"{scheme}://{args.HostName}:{port}");
        GrpcEndpoint = Endpoint(CollectorConfigFactory.OtlpGrpcPort);
        HttpEndpoint = Endpoint(CollectorConfigFactory.OtlpHttpPort);
    }

    public LoadBalancer LoadBalancer { get; }

    public IReadOnlyList<Listener> Listeners { get; }

    public IReadOnlyList<(TargetGroup Group, int Port)> TargetGroups { get; }

    public Output<string> GrpcEndpoint { get; }

    public Output<string> HttpEndpoint { get; }
}
