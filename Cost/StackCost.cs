using Infra.Capacity;
using Infra.Model;
using Infra.Settings;

namespace Infra.Cost;

/// <summary>The cost model applied to a stack: its region, architecture, and what its program bills by count.</summary>
public static class StackCost
{
    /// <summary>
    /// Sending processes assumed connected to the load balancer: an estimate (nothing in the stack
    /// says how many services send), and NLB capacity units are driven by processed bytes long before
    /// connections at these counts.
    /// </summary>
    public const double AssumedSenders = 100;

    /// <summary>The OTLP/gRPC receiver closes each connection after this long, so every sender reconnects at this pace.</summary>
    public const double ReconnectSeconds = 60;

    /// <summary>CloudWatch bills an alarm per metric it reads: a metric-math alarm counts each metric of its expression.</summary>
    public static int AlarmMetrics(PulumiProgram program) => program.Resources
        .Select(entry => entry.Resource.Args)
        .OfType<Model.Aws.MetricAlarmArgs>()
        .Sum(alarm => alarm.MetricQueries is null ? 1 : alarm.MetricQueries.Count(query => query.Metric is not null));

    /// <summary>
    /// The collectors' self-metric series, read from the configs the program stores for its tiers. RED series
    /// grow with the services that send (up to 5 per service) and are not counted: the stack cannot know them.
    /// </summary>
    public static int PipelineMetricSeries(PulumiProgram program) => program.Resources
        .Select(entry => entry.Resource.Args)
        .OfType<Model.Aws.SsmParameterArgs>()
        .Where(parameter => parameter.Name.EndsWith(Components.CollectorParameters.ConfigParameterSuffix, StringComparison.Ordinal) && parameter.InsecureValue is not null)
        .Sum(parameter => Collector.Telemetry.PipelineInventory.Of(YamlTree.ParseMap(parameter.InsecureValue!)).SelfMetricSeries);

    public static CostReport Of(StackSettings settings, PulumiProgram program, CapacityReport capacity)
    {
        int Count(string type) => program.Resources.Count(entry => entry.Resource.Type == type);
        var advancedParameters = program.Resources
            .Select(entry => entry.Resource.Args)
            .OfType<Model.Aws.SsmParameterArgs>()
            .Count(parameter => parameter.Tier == "Advanced");
        var inventory = new StackInventory(
            LoadBalancers: Count("aws:lb:LoadBalancer"),
            Alarms: AlarmMetrics(program),
            Dashboards: Count("aws:cloudwatch:Dashboard"),
            CustomMetrics: PipelineMetricSeries(program),
            AdvancedParameters: advancedParameters);
        var loadBalancer = new LoadBalancerTraffic(AssumedSenders / ReconnectSeconds, AssumedSenders, Tls: settings.Network.CertificateArn is not null);
        var architecture = Enum.Parse<CpuArchitecture>(settings.Runtime.CpuArchitecture);
        return CostModel.Compute(capacity, new CostInputs(settings.AwsRegion, settings.AzureLocation, architecture, inventory, loadBalancer));
    }
}
