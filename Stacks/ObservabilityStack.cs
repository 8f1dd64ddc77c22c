using Infra.Capacity;
using Infra.Collector;
using Infra.Components;
using Infra.Model;
using Infra.Settings;

namespace Infra.Stacks;

/// <summary>Composes the components of one environment into a program.</summary>
public static class ObservabilityStack
{
    public const string Description = "Multicloud observability pipeline: one trace across AWS X-Ray and Azure Monitor.";

    public const string SingleTier = "collector";
    public const string RouterTier = "router";
    public const string SamplerTier = "sampler";

    public static PulumiProgram Build(StackSettings settings)
    {
        var program = new PulumiProgram(SettingKeys.Project, Description);
        var runtime = settings.Runtime;
        var tiered = runtime.Topology == Topology.Tiered;
        var sizing = StackCapacity.TailSamplingOf(settings);
        var discoveryNames = new SamplerDiscoveryNames($"{settings.Stack}.{SettingKeys.Project}.internal", SamplerTier);
        var samplingTier = tiered ? SamplerTier : SingleTier;
        var configs = tiered
            ? new Dictionary<string, CollectorConfig>
            {
                [RouterTier] = CollectorConfigFactory.Router(discoveryNames, runtime.Router.MemoryMiB),
                [SamplerTier] = CollectorConfigFactory.Sampler(settings.AwsRegion, settings.TailSampling, sizing, runtime.Sampler.MemoryMiB),
            }
            : new Dictionary<string, CollectorConfig>
            {
                [SingleTier] = CollectorConfigFactory.Single(settings.AwsRegion, settings.TailSampling, sizing, runtime.Single.MemoryMiB),
            };

        var azure = new AzureMonitor(program, new AzureMonitorArgs(
            settings.NamePrefix, settings.AzureLocation, settings.LogRetentionDays, settings.Production, settings.Tags));

        var parameters = new CollectorParameters(program, new CollectorParametersArgs(
            settings.ParameterPrefix, configs, samplingTier, azure.ConnectionString, settings.Tags));

        var network = settings.Network;
        var subnetIds = network.PrivateSubnets.Select(subnet => subnet.Id).ToList();
        var receivingTier = tiered ? RouterTier : SingleTier;
        var securityGroups = new CollectorNetwork(program, new CollectorNetworkArgs(
            settings.NamePrefix, network.VpcId, network.VpcCidr, network.IngressCidrs, receivingTier, WithSamplingTier: tiered, settings.Tags));
        var loadBalancer = new CollectorLoadBalancer(program, new CollectorLoadBalancerArgs(
            network.VpcId, subnetIds, network.InternalLoadBalancer, network.CertificateArn, settings.Production, settings.Tags));
        var cluster = new CollectorCluster(program, settings.Tags).Cluster;

        CollectorTierArgs Tier(string tier, TierSize size, Model.Aws.SecurityGroup securityGroup) => new()
        {
            Tier = tier,
            NamePrefix = settings.NamePrefix,
            AwsRegion = settings.AwsRegion,
            Size = size,
            CpuArchitecture = runtime.CpuArchitecture,
            LogRetentionDays = runtime.LogRetentionDays,
            Cluster = cluster,
            SubnetIds = subnetIds,
            SecurityGroup = securityGroup,
            Config = parameters.ConfigByTier[tier],
            ContainerPorts = [CollectorConfigFactory.OtlpGrpcPort, CollectorConfigFactory.OtlpHttpPort, CollectorConfigFactory.HealthCheckPort],
            Tags = settings.Tags,
        };
        // Only the tier that exports to the clouds gets the Azure credential and the X-Ray permission.
        IReadOnlyList<InjectedSecret> exporterSecrets = [new InjectedSecret(AzureMonitorConnectionVariable, parameters.ConnectionString)];
        IReadOnlyList<Model.Aws.PolicyStatement> exporterPermissions = [CollectorIam.WriteTraces];

        if (tiered)
        {
            var discovery = new SamplerDiscovery(program, new SamplerDiscoveryArgs(discoveryNames, network.VpcId, settings.Tags));
            new CollectorTier(program, Tier(RouterTier, runtime.Router, securityGroups.Receiving) with
            {
                TaskPermissions = [CollectorIam.DiscoverSamplers(discoveryNames.Namespace, discoveryNames.Service)],
                LoadBalancer = loadBalancer,
                Scaling = ScalingRule.ForRouters,
            });
            new CollectorTier(program, Tier(SamplerTier, runtime.Sampler, securityGroups.Sampling!) with
            {
                Secrets = exporterSecrets,
                TaskPermissions = exporterPermissions,
                ContainerPorts = [CollectorConfigFactory.OtlpGrpcPort],
                Discovery = discovery,
                Scaling = ScalingRule.ForSamplers,
            });
            program.Export("samplerDiscoveryNamespace", discovery.Namespace.NamespaceName);
            program.Export("samplerDiscoveryService", discovery.Service.ServiceName);
        }
        else
        {
            new CollectorTier(program, Tier(SingleTier, runtime.Single, securityGroups.Receiving) with
            {
                Secrets = exporterSecrets,
                TaskPermissions = exporterPermissions,
                LoadBalancer = loadBalancer,
            });
        }

        program.Export("applicationInsightsConnectionString", azure.ConnectionString.AsSecret());
        program.Export("applicationInsightsName", azure.ApplicationInsights.ComponentName);
        program.Export("logAnalyticsWorkspaceId", azure.Workspace.Id);
        program.Export("otlpGrpcEndpoint", loadBalancer.GrpcEndpoint);
        program.Export("otlpHttpEndpoint", loadBalancer.HttpEndpoint);
        return program;
    }

    /// <summary>The azuremonitor exporter reads its connection string from this variable (it wins over the config key).</summary>
    public const string AzureMonitorConnectionVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";
}
