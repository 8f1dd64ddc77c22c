using Infra.Settings.Topology;

namespace Infra.Cost;

/// <summary>Resources of the stack billed by count, whatever the traffic: what the stack declared, counted where it declared it.</summary>
public sealed record StackInventory(int LoadBalancers, int Alarms, int Dashboards, int CustomMetrics, int AdvancedParameters);

/// <summary>
/// Connections the senders open to the load balancer. OTLP/gRPC connections are long-lived, so new connections per
/// second are few and active connections are about the number of sending processes.
/// </summary>
public sealed record LoadBalancerTraffic(double NewConnectionsPerSecond, double ActiveConnections, bool Tls);

/// <summary>Where the stack runs and what it holds, beyond the capacity report.</summary>
public sealed record CostInputs(
    string AwsRegion,
    string AzureLocation,
    CpuArchitecture Architecture,
    StackInventory Inventory,
    LoadBalancerTraffic LoadBalancer);
