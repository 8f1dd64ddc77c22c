using Infra.Collector;
using Infra.Components;
using Infra.Model;
using Infra.Settings;

namespace Infra.Stacks;

/// <summary>Composes the components of one environment into a program.</summary>
public static class ObservabilityStack
{
    public const string Description = "Multicloud observability pipeline: one trace across AWS X-Ray and Azure Monitor.";

    public static PulumiProgram Build(StackSettings settings)
    {
        var program = new PulumiProgram(SettingKeys.Project, Description);
        // Built first: a config the collector would reject stops synthesis before any resource.
        var collectorConfig = CollectorConfigFactory.Create(settings.AwsRegion, settings.TailSampling);

        var azure = new AzureMonitor(program, new AzureMonitorArgs(
            settings.NamePrefix, settings.AzureLocation, settings.LogRetentionDays, settings.Production, settings.Tags));

        var parameters = new CollectorParameters(program, new CollectorParametersArgs(
            settings.ParameterPrefix, collectorConfig, azure.ConnectionString, settings.Tags));

        var network = settings.Network;
        var subnetIds = network.PrivateSubnets.Select(subnet => subnet.Id).ToList();
        var securityGroup = new CollectorNetwork(program, new CollectorNetworkArgs(
            settings.NamePrefix, network.VpcId, network.VpcCidr, network.IngressCidrs, settings.Tags)).SecurityGroup;
        var loadBalancer = new CollectorLoadBalancer(program, new CollectorLoadBalancerArgs(
            network.VpcId, subnetIds, network.InternalLoadBalancer, network.CertificateArn, settings.Production, settings.Tags));
        new CollectorService(program, new CollectorServiceArgs(
            settings.NamePrefix, settings.AwsRegion, settings.Runtime, subnetIds, securityGroup, parameters, loadBalancer, settings.Tags));

        program.Export("applicationInsightsConnectionString", azure.ConnectionString.AsSecret());
        program.Export("applicationInsightsName", azure.ApplicationInsights.ComponentName);
        program.Export("logAnalyticsWorkspaceId", azure.Workspace.Id);
        program.Export("otlpGrpcEndpoint", loadBalancer.GrpcEndpoint);
        program.Export("otlpHttpEndpoint", loadBalancer.HttpEndpoint);
        return program;
    }
}
