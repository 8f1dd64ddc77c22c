using Infra.Collector;
using Infra.Model;
using Infra.Components.Security;
using Infra.Model.Aws;
using Infra.Settings.Topology;

namespace Infra.Components.Runtime;

/// <summary>What the fleet needs: the topology, where its tasks run, what each tier reads, and the credentials it hands out.</summary>
public sealed record CollectorFleetArgs
{
    public required CollectorTopology Topology { get; init; }

    public required string NamePrefix { get; init; }

    public required string AwsRegion { get; init; }

    public required CpuArchitecture CpuArchitecture { get; init; }

    public required int LogRetentionDays { get; init; }

    public required string VpcId { get; init; }

    public required IReadOnlyList<string> SubnetIds { get; init; }

    public required CollectorNetwork Network { get; init; }

    public required CollectorLoadBalancer LoadBalancer { get; init; }

    public required CollectorParameters Parameters { get; init; }

    /// <summary>How the routing tier finds the sampling tier in Cloud Map.</summary>
    public required SamplerDiscoveryNames DiscoveryNames { get; init; }

    /// <summary>The tokens the receiving tier checks, with their generation; none without token authentication.</summary>
    public IReadOnlyList<InjectedSecret> IngressSecrets { get; init; } = [];

    public IReadOnlyList<NameValue> IngressEnvironment { get; init; } = [];

    public required CollectorImage Image { get; init; }

    /// <summary>The stack's key (log groups, SecureStrings, the roles' trust conditions).</summary>
    public required StackKey Key { get; init; }

    /// <summary>Keep the tiers' log groups when the stack is destroyed.</summary>
    public bool RetainLogs { get; init; }

    /// <summary>Each tier's stopTimeout in seconds.</summary>
    public required Func<TierSpec, int> StopTimeoutSeconds { get; init; }

    /// <summary>The alarms that roll back a deployment of a tier (names: the alarms are created after the services).</summary>
    public Func<TierSpec, IReadOnlyList<string>> DeploymentAlarmNames { get; init; } = _ => [];

    /// <summary>Ephemeral storage for the exporting tier's persistent queues; null: in-memory queues.</summary>
    public int? QueueStorageGiB { get; init; }

    /// <summary>Each tier's log group for its metrics (awsemf), by tier name.</summary>
    public required Func<TierSpec, string> MetricsLogGroupName { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}

/// <summary>
/// Turns the topology into running tiers: one cluster, Cloud Map discovery when a tier routes to another, and one
/// <see cref="CollectorTier"/> per tier spec. The roles are encoded here: the tier behind the load balancer gets the
/// listeners and the ingress tokens, the tier that routes may discover samplers, the tier that samples gets the Azure
/// credential and the X-Ray permission and, behind a router, registers in Cloud Map and listens on OTLP/gRPC only.
/// </summary>
public sealed class CollectorFleet
{
    public CollectorFleet(PulumiProgram program, CollectorFleetArgs args)
    {
        Cluster = new CollectorCluster(program, args.Tags).Cluster;
        var topology = args.Topology;
        if (topology.Routing is not null)
        {
            Discovery = new SamplerDiscovery(program, new SamplerDiscoveryArgs(args.DiscoveryNames, args.VpcId, args.Tags));
        }
        Tiers = [.. topology.Tiers.Select(tier => new CollectorTier(program, TierArgs(tier, args)))];
    }

    public EcsCluster Cluster { get; }

    /// <summary>Cloud Map discovery of the sampling tier; null when no tier routes.</summary>
    public SamplerDiscovery? Discovery { get; }

    /// <summary>The tiers in data-path order.</summary>
    public IReadOnlyList<CollectorTier> Tiers { get; }

    private CollectorTierArgs TierArgs(TierSpec tier, CollectorFleetArgs args)
    {
        var secrets = new List<InjectedSecret>();
        var environment = new List<NameValue>();
        var permissions = new List<PolicyStatement>();
        if (tier.SamplesAndExports)
        {
            secrets.Add(args.Parameters.ConnectionStringSecret);
            permissions.Add(CollectorIam.WriteTraces);
        }
        if (tier.ReceivesFromOutside)
        {
            // Only the tier behind the load balancer checks tokens; a tier behind it admits only its security group.
            secrets.AddRange(args.IngressSecrets);
            environment.AddRange(args.IngressEnvironment);
        }
        if (tier.RoutesByTraceId)
        {
            permissions.Add(CollectorIam.DiscoverSamplers(args.DiscoveryNames.Namespace, args.DiscoveryNames.Service));
        }
        return new CollectorTierArgs
        {
            Tier = tier,
            NamePrefix = args.NamePrefix,
            AwsRegion = args.AwsRegion,
            CpuArchitecture = args.CpuArchitecture,
            LogRetentionDays = args.LogRetentionDays,
            Cluster = Cluster,
            SubnetIds = args.SubnetIds,
            SecurityGroup = args.Network.GroupOf(tier),
            Config = args.Parameters.ConfigByTier[tier.Name],
            Secrets = secrets,
            Environment = environment,
            TaskPermissions = permissions,
            // The load balancer health-checks the tier behind it; a tier behind a router takes OTLP/gRPC only.
            ContainerPorts = tier.ReceivesFromOutside
                ? [CollectorConfigFactory.OtlpGrpcPort, CollectorConfigFactory.OtlpHttpPort, CollectorConfigFactory.HealthCheckPort]
                : [CollectorConfigFactory.OtlpGrpcPort],
            MetricsLogGroupName = args.MetricsLogGroupName(tier),
            LoadBalancer = tier.ReceivesFromOutside ? args.LoadBalancer : null,
            Discovery = tier.ReceivesFromOutside ? null : Discovery,
            Image = args.Image.Collector,
            Key = args.Key,
            RetainLogs = args.RetainLogs,
            UtilityImage = args.Image.Utility,
            PullPermissions = args.Image.PullPermissions,
            StopTimeoutSeconds = args.StopTimeoutSeconds(tier),
            DeploymentAlarmNames = args.DeploymentAlarmNames(tier),
            // The exporters' queues live where the exporters are; no load balancer checks a tier behind a router.
            QueueStorageGiB = tier.SamplesAndExports ? args.QueueStorageGiB : null,
            LivenessCheck = !tier.ReceivesFromOutside,
            Tags = args.Tags,
        };
    }
}
