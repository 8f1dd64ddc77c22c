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

    public static CostReport Of(StackSettings settings, PulumiProgram program, CapacityReport capacity)
    {
        int Count(string type) => program.Resources.Count(entry => entry.Resource.Type == type);
        var advancedParameters = program.Resources
            .Select(entry => entry.Resource.Args)
            .OfType<Model.Aws.SsmParameterArgs>()
            .Count(parameter => parameter.Tier == "Advanced");
        var inventory = new StackInventory(
            LoadBalancers: Count("aws:lb:LoadBalancer"),
            Alarms: Count("aws:cloudwatch:MetricAlarm"),
            Dashboards: Count("aws:cloudwatch:Dashboard"),
            CustomMetrics: 0,
            AdvancedParameters: advancedParameters);
        var loadBalancer = new LoadBalancerTraffic(AssumedSenders / ReconnectSeconds, AssumedSenders, Tls: settings.Network.CertificateArn is not null);
        var architecture = Enum.Parse<CpuArchitecture>(settings.Runtime.CpuArchitecture);
        return CostModel.Compute(capacity, new CostInputs(settings.AwsRegion, settings.AzureLocation, architecture, inventory, loadBalancer));
    }
}
