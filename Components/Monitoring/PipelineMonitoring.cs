using Infra.Model;
using Infra.Model.Aws;
using Infra.Settings;
using Infra.Components.Azure;

using Infra.Components.Runtime;

namespace Infra.Components.Monitoring;

public sealed record PipelineMonitoringArgs(
    StackSettings Settings,
    string Namespace,
    EcsCluster Cluster,
    IReadOnlyList<WatchedTier> Tiers,
    CollectorLoadBalancer LoadBalancer,
    AzureMonitor Azure)
{
    /// <summary>The stack's key, for the alarm topic.</summary>
    public Input<string>? KeyArn { get; init; }
}

/// <summary>Watching the pipeline: CloudWatch alarms and dashboard on the AWS side, the no-spans alert on the Azure side, one set of recipients.</summary>
public sealed class PipelineMonitoring
{
    public PipelineMonitoring(PulumiProgram program, PipelineMonitoringArgs args)
    {
        var settings = args.Settings;
        AzureAlert = new AzureSilenceAlert(program, new AzureSilenceAlertArgs(
            settings.NamePrefix, args.Azure.ResourceGroup.ResourceGroupName, settings.AzureLocation, args.Azure,
            settings.Monitoring.NoSpansAlertMinutes, settings.Monitoring.AlarmEmails, settings.Tags));
        Alarms = new PipelineAlarms(program, new PipelineAlarmsArgs(
            settings.NamePrefix, args.Namespace, settings.Monitoring, args.Cluster, args.Tiers, args.LoadBalancer, AzureAlert.RuleName, settings.Tags) { Stack = settings.Stack, KeyArn = args.KeyArn });
        Dashboard = new PipelineDashboard(program, new PipelineDashboardArgs(
            settings.NamePrefix, settings.AwsRegion, args.Namespace, args.Cluster, args.Tiers));
    }

    public PipelineAlarms Alarms { get; }

    public PipelineDashboard Dashboard { get; }

    public AzureSilenceAlert AzureAlert { get; }
}
