namespace Infra.Cost;

/// <summary>
/// What one Network Load Balancer Capacity Unit (NLCU) covers per hour; the hour is billed at the largest dimension.
/// Source: https://aws.amazon.com/elasticloadbalancing/pricing/ as transcribed in github.com/api-evangelist/amazon-elastic-load-balancing
/// plans/amazon-elastic-load-balancing-plans-pricing.yml (TCP: 800 new connections/s, 100,000 active, 1 GB per hour;
/// TLS: 50 new connections/s, 3,000 active, 1 GB per hour).
/// </summary>
public static class NlbCapacityUnits
{
    public const double TcpNewConnectionsPerSecond = 800;
    public const double TcpActiveConnections = 100_000;
    public const double TlsNewConnectionsPerSecond = 50;
    public const double TlsActiveConnections = 3_000;
    public const double ProcessedGbPerHour = 1;

    /// <summary>NLCUs used in one hour at a steady load.</summary>
    public static double PerHour(LoadBalancerTraffic traffic, double processedGbPerHour) =>
        Math.Max(
            Math.Max(
                traffic.NewConnectionsPerSecond / (traffic.Tls ? TlsNewConnectionsPerSecond : TcpNewConnectionsPerSecond),
                traffic.ActiveConnections / (traffic.Tls ? TlsActiveConnections : TcpActiveConnections)),
            processedGbPerHour / ProcessedGbPerHour);
}
