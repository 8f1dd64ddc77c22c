using Infra.Capacity;
using Infra.Collector;
using Infra.Collector.Telemetry;
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
        var export = new CloudExport(settings.AwsRegion, settings.Export.XrayOverOtlp);
        var discoveryNames = new SamplerDiscoveryNames($"{settings.Stack}.{SettingKeys.Project}.internal", SamplerTier);
        var samplingTier = tiered ? SamplerTier : SingleTier;
        var receivingTier = tiered ? RouterTier : SingleTier;
        var tokenAuth = settings.Ingress.Auth == IngressAuthMode.Token;
        BearerTokenIngress? ingressAuth = tokenAuth ? new(IngressCredentials.TokenVariables) : null;
        var configs = tiered
            ? new Dictionary<string, CollectorConfig>
            {
                [RouterTier] = CollectorConfigFactory.Router(discoveryNames, runtime.Router.MemoryMiB, ingressAuth),
                [SamplerTier] = CollectorConfigFactory.Sampler(export, settings.TailSampling, sizing, runtime.Sampler.MemoryMiB),
            }
            : new Dictionary<string, CollectorConfig>
            {
                [SingleTier] = CollectorConfigFactory.Single(export, settings.TailSampling, sizing, runtime.Single.MemoryMiB, ingressAuth),
            };

        var telemetry = new PipelineTelemetry(settings.AwsRegion, PipelineMetrics.Namespace(settings.Stack), settings.ParameterPrefix);
        var runningConfigs = telemetry.AddTo(configs, receivingTier, samplingTier, discoveryNames, settings.Monitoring.SpanMetricsCardinalityLimit);

        var azure = new AzureMonitor(program, new AzureMonitorArgs(
            settings.NamePrefix, settings.AzureLocation, settings.LogRetentionDays, settings.Production, settings.Tags));

        var parameters = new CollectorParameters(program, new CollectorParametersArgs(
            settings.ParameterPrefix, runningConfigs, samplingTier, azure.ConnectionString, settings.Tags));

        var credentials = tokenAuth
            ? new IngressCredentials(program, new IngressCredentialsArgs(settings.ParameterPrefix, settings.Ingress.TokenGeneration, receivingTier, settings.Tags))
            : null;
        // Only the tier behind the load balancer checks tokens; the samplers admit only the routers' security group.
        IReadOnlyList<InjectedSecret> ingressSecrets = credentials?.Secrets ?? [];
        IReadOnlyList<Model.Aws.NameValue> ingressEnvironment = credentials?.Environment ?? [];

        var network = settings.Network;
        var subnetIds = network.PrivateSubnets.Select(subnet => subnet.Id).ToList();
        var securityGroups = new CollectorNetwork(program, new CollectorNetworkArgs(
            settings.NamePrefix, network.VpcId, network.VpcCidr, network.IngressCidrs, receivingTier, WithSamplingTier: tiered, settings.Tags));
        var loadBalancer = new CollectorLoadBalancer(program, new CollectorLoadBalancerArgs(
            network.VpcId, subnetIds, network.InternalLoadBalancer, network.CertificateArn, settings.Ingress.HostName, settings.Production, settings.Tags));
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
            MetricsLogGroupName = telemetry.DestinationOf(tier).LogGroupName,
            Tags = settings.Tags,
        };
        // Only the tier that exports to the clouds gets the Azure credential and the X-Ray permission.
        IReadOnlyList<InjectedSecret> exporterSecrets = [new InjectedSecret(Collector.Components.Exporters.AzureMonitor.ConnectionStringVariable, parameters.ConnectionString)];
        IReadOnlyList<Model.Aws.PolicyStatement> exporterPermissions = [CollectorIam.WriteTraces];

        var tiers = new List<CollectorTier>();
        if (tiered)
        {
            var discovery = new SamplerDiscovery(program, new SamplerDiscoveryArgs(discoveryNames, network.VpcId, settings.Tags));
            tiers.Add(new CollectorTier(program, Tier(RouterTier, runtime.Router, securityGroups.Receiving) with
            {
                Secrets = ingressSecrets,
                Environment = ingressEnvironment,
                TaskPermissions = [CollectorIam.DiscoverSamplers(discoveryNames.Namespace, discoveryNames.Service)],
                LoadBalancer = loadBalancer,
                Scaling = ScalingRule.ForRouters,
            }));
            tiers.Add(new CollectorTier(program, Tier(SamplerTier, runtime.Sampler, securityGroups.Sampling!) with
            {
                Secrets = exporterSecrets,
                TaskPermissions = exporterPermissions,
                ContainerPorts = [CollectorConfigFactory.OtlpGrpcPort],
                Discovery = discovery,
                Scaling = ScalingRule.ForSamplers,
            }));
            program.Export("samplerDiscoveryNamespace", discovery.Namespace.NamespaceName);
            program.Export("samplerDiscoveryService", discovery.Service.ServiceName);
        }
        else
        {
            tiers.Add(new CollectorTier(program, Tier(SingleTier, runtime.Single, securityGroups.Receiving) with
            {
                Secrets = [.. exporterSecrets, .. ingressSecrets],
                Environment = ingressEnvironment,
                TaskPermissions = exporterPermissions,
                LoadBalancer = loadBalancer,
            }));
        }
        new PipelineMonitoring(program, new PipelineMonitoringArgs(settings, telemetry.Namespace, cluster,
            [.. tiers.Select(t => new WatchedTier(t.Tier, PipelineInventory.Of(runningConfigs[t.Tier]), t.Service))], loadBalancer, azure));

        if (settings.Export.ManageTransactionSearch)
        {
            new TransactionSearch(program, new TransactionSearchArgs(settings.AwsRegion, settings.Export.TransactionSearchIndexingPercentage));
        }

        program.Export("applicationInsightsConnectionString", azure.ConnectionString.AsSecret());
        program.Export("applicationInsightsName", azure.ApplicationInsights.ComponentName);
        program.Export("logAnalyticsWorkspaceId", azure.Workspace.Id);
        program.Export("otlpGrpcEndpoint", loadBalancer.GrpcEndpoint);
        program.Export("otlpHttpEndpoint", loadBalancer.HttpEndpoint);
        program.Export("otlpLoadBalancerDnsName", loadBalancer.LoadBalancer.DnsName);
        CrossWireToAzure(program, settings, azure, loadBalancer, credentials);
        return program;
    }

    /// <summary>
    /// The way back from AWS to Azure: the endpoints and, with token authentication, the token and a
    /// ready OTEL_EXPORTER_OTLP_HEADERS value in a Key Vault that the named Azure identities may read.
    /// </summary>
    private static void CrossWireToAzure(PulumiProgram program, StackSettings settings, AzureMonitor azure, CollectorLoadBalancer loadBalancer, IngressCredentials? credentials)
    {
        List<VaultEntry> entries =
        [
            new(OtlpVaultSecrets.GrpcEndpoint, loadBalancer.GrpcEndpoint),
            new(OtlpVaultSecrets.HttpEndpoint, loadBalancer.HttpEndpoint),
        ];
        if (credentials is not null)
        {
            entries.Add(new(OtlpVaultSecrets.IngressToken, credentials.CurrentToken));
            entries.Add(new(OtlpVaultSecrets.Headers, credentials.OtlpHeaders));
        }
        var vault = new AzureKeyVault(program, new AzureKeyVaultArgs(
            settings.Stack, azure.ResourceGroup.ResourceGroupName, settings.AzureLocation, azure.NameSuffix, settings.Production,
            entries, settings.KeyVaultReaderPrincipalIds, settings.Tags));

        program.Export("keyVaultName", vault.Vault.VaultName);
        program.Export("keyVaultUri", vault.Vault.VaultUri);
        program.Export("otlpGrpcEndpointSecretUri", vault.SecretUris[OtlpVaultSecrets.GrpcEndpoint]);
        program.Export("otlpHttpEndpointSecretUri", vault.SecretUris[OtlpVaultSecrets.HttpEndpoint]);
        if (credentials is not null)
        {
            program.Export("otlpIngressTokenSecretUri", vault.SecretUris[OtlpVaultSecrets.IngressToken]);
            program.Export("otlpHeadersSecretUri", vault.SecretUris[OtlpVaultSecrets.Headers]);
            program.Export("ingressTokenParameterArn", credentials.TokenParameter.Arn);
            program.Export("otlpHeadersParameterArn", credentials.HeadersParameter.Arn);
        }
    }
}
