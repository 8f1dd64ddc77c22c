using static Infra.Collector.ConfigTree;

namespace Infra.Collector;

/// <summary>
/// loadbalancing exporter (contrib exporter/loadbalancingexporter/config.go, v0.156.0 as vendored by
/// aws-otel-collector; the pinned 0.159.0 has the same resolvers): the routing key it knows, the
/// OTLP protocol, and exactly one resolver with the keys that resolver reads.
/// </summary>
internal static class LoadBalancingRules
{
    public static readonly IReadOnlySet<string> RoutingKeys = Set("traceID", "service", "resource", "metric", "streamID", "attributes");

    /// <summary>Resolver type to its keys.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Resolvers = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["static"] = Set("hostnames"),
        ["dns"] = Set("hostname", "port", "interval", "timeout"),
        ["k8s"] = Set("service", "ports", "timeout", "return_hostnames"),
        ["aws_cloud_map"] = Set("namespace", "service_name", "port", "health_status", "interval", "timeout", "owner_account"),
    };

    /// <summary>DiscoverInstances' HealthStatusFilter values.</summary>
    public static readonly IReadOnlySet<string> HealthStatuses = Set("HEALTHY", "UNHEALTHY", "ALL", "HEALTHY_OR_ELSE_ALL");

    /// <summary>protocol.otlp is the OTLP/gRPC exporter's config (its endpoint is set per backend by the resolver).</summary>
    public static IReadOnlySet<string> OtlpKeys => CollectorDistribution.Components["exporters"]["otlp_grpc"];

    public static void Check(string id, Dictionary<string, object?> settings, List<string> errors)
    {
        var where = $"exporters::{id}";
        var routingKey = settings.GetValueOrDefault("routing_key") as string ?? "traceID";
        if (!RoutingKeys.Contains(routingKey))
        {
            errors.Add($"{where}: routing_key \"{routingKey}\" is not one of {string.Join(", ", RoutingKeys)}");
        }

        var protocol = Map(settings, "protocol");
        if (!protocol.ContainsKey("otlp"))
        {
            errors.Add($"{where}: protocol has no otlp block; the exporter sends to each backend over OTLP");
        }
        foreach (var key in Map(protocol, "otlp").Keys.Where(key => !OtlpKeys.Contains(key)))
        {
            errors.Add($"{where}: protocol::otlp has invalid key \"{key}\" (accepted: {string.Join(", ", OtlpKeys.Order(StringComparer.Ordinal))})");
        }

        var resolver = Map(settings, "resolver");
        if (resolver.Count != 1)
        {
            errors.Add($"{where}: resolver must name exactly one of {string.Join(", ", Resolvers.Keys)} (found {(resolver.Count == 0 ? "none" : string.Join(", ", resolver.Keys))})");
        }
        foreach (var (type, value) in resolver)
        {
            if (!Resolvers.TryGetValue(type, out var keys))
            {
                errors.Add($"{where}: resolver \"{type}\" is unknown (known: {string.Join(", ", Resolvers.Keys)})");
                continue;
            }
            var block = value as Dictionary<string, object?> ?? [];
            foreach (var key in block.Keys.Where(key => !keys.Contains(key)))
            {
                errors.Add($"{where}: resolver::{type} has invalid key \"{key}\" (accepted: {string.Join(", ", keys.Order(StringComparer.Ordinal))})");
            }
            if (type == "aws_cloud_map")
            {
                CheckCloudMap(where, block, errors);
            }
        }
    }

    private static void CheckCloudMap(string where, Dictionary<string, object?> block, List<string> errors)
    {
        foreach (var required in new[] { "namespace", "service_name" })
        {
            if (block.GetValueOrDefault(required) is not string { Length: > 0 })
            {
                errors.Add($"{where}: resolver::aws_cloud_map needs {required}");
            }
        }
        if (block.GetValueOrDefault("health_status") is string status && !HealthStatuses.Contains(status))
        {
            errors.Add($"{where}: resolver::aws_cloud_map health_status \"{status}\" is not one of {string.Join(", ", HealthStatuses)}");
        }
    }

    private static IReadOnlySet<string> Set(params string[] items) => new SortedSet<string>(items, StringComparer.Ordinal);
}
