using Infra.Capacity;
using Infra.Capacity.Faults;
using Infra.Collector;
using Infra.Collector.Telemetry;
using Infra.Components;
using Infra.Components.Azure;
using Infra.Components.Export;
using Infra.Components.Ingress;
using Infra.Components.Monitoring;
using Infra.Components.Runtime;
using Infra.Components.Security;
using Infra.Cost;
using Infra.Model;
using Infra.Settings;

namespace Infra.Stacks;

/// <summary>A stack's program, and what it declared that bills by count.</summary>
public sealed record BuiltStack(PulumiProgram Program, StackInventory Inventory);

/// <summary>Composes the components of one environment into a program, in the order of the README's data path.</summary>
public static class ObservabilityStack
{
    public const string Description = "Multicloud observability pipeline: one trace across AWS X-Ray and Azure Monitor.";

    public static BuiltStack Build(StackSettings settings)
    {
        var program = new PulumiProgram(SettingKeys.Project, Description);
        var topology = settings.Runtime.Topology;
        var rideThrough = StackCapacity.RideThroughOf(settings);
        var export = new CloudExport(settings.AwsRegion, settings.Export.XrayOverOtlp, ExportQueue.For(rideThrough));
        var discoveryNames = new SamplerDiscoveryNames($"{settings.Stack}.{SettingKeys.Project}.internal", topology.Sampling.Name);
        BearerTokenIngress? ingressAuth = settings.Ingress.Auth == IngressAuthMode.Token ? new(IngressCredentials.TokenVariables) : null;
        var configs = TierConfigs.For(settings, topology, export, StackCapacity.TailSamplingOf(settings), discoveryNames, ingressAuth);
        var telemetry = new PipelineTelemetry(settings.AwsRegion, PipelineMetrics.Namespace(settings.Stack), settings.ParameterPrefix);
        var runningConfigs = telemetry.AddTo(configs, topology, discoveryNames, settings.Monitoring.SpanMetricsCardinalityLimit);

        var azure = new AzureMonitor(program, new AzureMonitorArgs(
            settings.NamePrefix, settings.AzureLocation, settings.LogRetentionDays, settings.Production, settings.Tags));
        var key = new StackKey(program, new StackKeyArgs(settings.NamePrefix, settings.AwsRegion, settings.ParameterPrefix, settings.Tags));
        var parameters = new CollectorParameters(program, new CollectorParametersArgs(
            settings.ParameterPrefix, runningConfigs, topology.Sampling, azure.ConnectionString, settings.Tags) { KeyId = key.Key.Arn });
        var credentials = ingressAuth is null ? null
            : new IngressCredentials(program, new IngressCredentialsArgs(settings.ParameterPrefix, settings.Ingress.TokenGeneration, topology.Receiving.Name, settings.Tags) { KeyId = key.Key.Arn });

        var network = settings.Network;
        var securityGroups = new CollectorNetwork(program, new CollectorNetworkArgs(
            settings.NamePrefix, network.VpcId, network.VpcCidr, network.IngressCidrs, topology, settings.Tags) { PrivateAwsEndpoints = network.PrivateAwsEndpoints });
        if (network.PrivateAwsEndpoints)
        {
            new AwsEndpoints(program, new AwsEndpointsArgs(settings.NamePrefix, settings.AwsRegion, network.VpcId, network.VpcCidr,
                [.. network.PrivateSubnets.Select(subnet => subnet.Id)], network.PrivateRouteTableIds, settings.Tags));
        }
        // Production keeps who connected to the ingress: an NLB logs its TLS listeners, which production always has.
        var accessLogs = settings.Production
            ? new LoadBalancerLogs(program, new LoadBalancerLogsArgs(settings.NamePrefix, settings.AwsRegion, key.Account, settings.Runtime.LogRetentionDays, settings.Tags))
            : null;
        var loadBalancer = new CollectorLoadBalancer(program, new CollectorLoadBalancerArgs(
            network.VpcId, [.. network.PrivateSubnets.Select(subnet => subnet.Id)], network.InternalLoadBalancer, network.CertificateArn, settings.Ingress.HostName, settings.Production, settings.Tags)
        {
            SecurityGroupId = securityGroups.LoadBalancer.Id,
            AccessLogBucket = accessLogs is null ? null : (Input<string>)accessLogs.Bucket.BucketName,
            AccessLogsReady = accessLogs?.Policy,
        });
        var image = new CollectorImage(program, new CollectorImageArgs(settings.NamePrefix, settings.AwsRegion, settings.Image));
        var fleet = new CollectorFleet(program, new CollectorFleetArgs
        {
            Image = image,
            Key = key,
            RetainLogs = settings.Production,
            StopTimeoutSeconds = tier => StopTimeout.SecondsFor(tier, settings.TailSampling.DecisionWaitSeconds),
            DeploymentAlarmNames = tier => PipelineAlarms.DeploymentAlarmNames(settings.NamePrefix, tier.Name, PipelineInventory.Of(runningConfigs[tier.Name])),
            QueueStorageGiB = rideThrough.Persistent ? rideThrough.EphemeralStorageGiB : null,
            Topology = topology,
            NamePrefix = settings.NamePrefix,
            AwsRegion = settings.AwsRegion,
            CpuArchitecture = settings.Runtime.CpuArchitecture,
            LogRetentionDays = settings.Runtime.LogRetentionDays,
            VpcId = network.VpcId,
            SubnetIds = [.. network.PrivateSubnets.Select(subnet => subnet.Id)],
            Network = securityGroups,
            LoadBalancer = loadBalancer,
            Parameters = parameters,
            DiscoveryNames = discoveryNames,
            IngressSecrets = credentials?.Secrets ?? [],
            IngressEnvironment = credentials?.Environment ?? [],
            MetricsLogGroupName = tier => telemetry.DestinationOf(tier.Name).LogGroupName,
            Tags = settings.Tags,
        });
        if (fleet.Discovery is { } discovery)
        {
            program.Export("samplerDiscoveryNamespace", discovery.Namespace.NamespaceName);
            program.Export("samplerDiscoveryService", discovery.Service.ServiceName);
        }

        var monitoring = new PipelineMonitoring(program, new PipelineMonitoringArgs(settings, telemetry.Namespace, fleet.Cluster,
            [.. fleet.Tiers.Select(tier => new WatchedTier(tier.Tier, PipelineInventory.Of(runningConfigs[tier.Tier.Name]), tier.Service))], loadBalancer, azure) { KeyArn = key.Key.Arn });
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
        return new BuiltStack(program, DeclaredInventory.Of(program, monitoring, runningConfigs));
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
            entries, settings.KeyVaultReaderPrincipalIds, settings.Tags)
        {
            Networks = settings.KeyVaultNetworks,
            AuditWorkspaceId = azure.Workspace.Id,
        });

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
