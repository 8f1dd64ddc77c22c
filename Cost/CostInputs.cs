using Infra.Settings.Topology;

namespace Infra.Cost;

/// <summary>Resources of the stack billed by count, whatever the traffic: what the stack declared, counted where it declared it.</summary>
public sealed record StackInventory(int LoadBalancers, int Alarms, int Dashboards, int CustomMetrics, int AdvancedParameters);

/// <summary>
/// Connections the senders open to the load balancer. OTLP/gRPC connections are long-lived, so new connections per
/// second are few and active connections are about the number of sending processes.
/// </summary>
public sealed record LoadBalancerTraffic(double NewConnectionsPerSecond, double ActiveConnections, bool Tls);

/// <summary>
/// How spans reach X-Ray, which decides what AWS bills for them: over OTLP into CloudWatch Transaction Search (span
/// ingestion per GB, plus trace summaries indexed above the free share), or as segments (traces recorded).
/// </summary>
public sealed record XrayPath(bool OverOtlp, double IndexingPercentage)
{
    public static XrayPath Otlp(double indexingPercentage) => new(true, indexingPercentage);

    public static XrayPath Segments => new(false, 0);
}

/// <summary>How the stack's traffic moves inside AWS and out of it: the zones its tasks spread over, and whether exports pass a NAT gateway.</summary>
public sealed record NetworkPath(int AvailabilityZones, bool NatGatewayEgress);

/// <summary>Where the stack runs and what it holds, beyond the capacity report.</summary>
public sealed record CostInputs(
    string AwsRegion,
    string AzureLocation,
    CpuArchitecture Architecture,
    StackInventory Inventory,
    LoadBalancerTraffic LoadBalancer,
    XrayPath Xray,
    NetworkPath Network);
