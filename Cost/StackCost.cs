using Infra.Capacity;
using Infra.Settings;

namespace Infra.Cost;

/// <summary>The cost model applied to a stack: its regions, architecture, export path, network and what it declared that bills by count.</summary>
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

    /// <param name="inventory">What the stack declared that is billed by count, as the stack counted it.</param>
    public static CostReport Of(StackSettings settings, StackInventory inventory, CapacityReport capacity)
    {
        var loadBalancer = new LoadBalancerTraffic(AssumedSenders / ReconnectSeconds, AssumedSenders, Tls: settings.Network.CertificateArn is not null);
        var xray = settings.Export.XrayOverOtlp ? XrayPath.Otlp(settings.Export.TransactionSearchIndexingPercentage) : XrayPath.Segments;
        var network = new NetworkPath(settings.Network.AvailabilityZones, settings.Network.NatGatewayEgress);
        return CostModel.Compute(capacity, new CostInputs(settings.AwsRegion, settings.AzureLocation, settings.Runtime.CpuArchitecture, inventory, loadBalancer, xray, network));
    }
}
