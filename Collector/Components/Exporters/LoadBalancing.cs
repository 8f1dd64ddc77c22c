using static Infra.Collector.ConfigTree;

namespace Infra.Collector.Components.Exporters;

/// <summary>
/// load_balancing exporter. Type: ecosystem-explorer registry contrib/v0.159.0/exporter.yaml
/// (<c>type: load_balancing</c>, <c>deprecated_type: loadbalancing</c>). Keys and rules: contrib
/// exporter/loadbalancingexporter/config.go (v0.156.0 as vendored by aws-otel-collector; the v0.158.0
/// README has the same keys and resolvers, and the v0.159.0 registry the same resolver kinds): the
/// routing key it knows, the OTLP protocol, and exactly one resolver with the keys that resolver reads.
/// </summary>
public static class LoadBalancing
{
    public const string Type = "load_balancing";

    public const string DeprecatedAlias = "loadbalancing";

    public static readonly ComponentType Descriptor = new()
    {
        Kind = ComponentKind.Exporter,
        Type = Type,
        DeprecatedAlias = DeprecatedAlias,
        Record = typeof(LoadBalancingExporter),
        AcceptedKeys = ComponentType.Keys([.. ExporterHelper.Keys, "protocol", "resolver", "routing_key", "routing_attributes"]),
        Rules = Check,
    };

    public static IReadOnlySet<string> RoutingKeys { get; } = Set("traceID", "service", "resource", "metric", "streamID", "attributes");

    /// <summary>Resolver type to its keys.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Resolvers { get; } = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        ["static"] = Set("hostnames"),
        ["dns"] = Set("hostname", "port", "interval", "timeout"),
        ["k8s"] = Set("service", "ports", "timeout", "return_hostnames"),
        ["aws_cloud_map"] = Set("namespace", "service_name", "port", "health_status", "interval", "timeout", "owner_account"),
    };

    /// <summary>DiscoverInstances' HealthStatusFilter values.</summary>
    public static IReadOnlySet<string> HealthStatuses { get; } = Set("HEALTHY", "UNHEALTHY", "ALL", "HEALTHY_OR_ELSE_ALL");

    /// <summary>protocol.otlp is the OTLP/gRPC exporter's config (its endpoint is set per backend by the resolver).</summary>
    public static IReadOnlySet<string> OtlpKeys => OtlpGrpc.Descriptor.AcceptedKeys;

    private static void Check(string id, Dictionary<string, object?> settings, List<string> errors)
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

        if (routingKey == "traceID")
        {
            CheckReRouting(where, settings, Map(protocol, "otlp"), Map(settings, "resolver"), errors);
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

    /// <summary>
    /// Routing whole traces must survive a lost backend: without a top-level retry the part of a batch for a dead backend
    /// is dropped, not re-routed (the exporter's README, "Resiliency"); with a per-backend retry every batch waits out that
    /// retry first; a per-backend timeout at or above the resolver interval stalls each batch for a whole refresh.
    /// </summary>
    private static void CheckReRouting(string where, Dictionary<string, object?> settings, Dictionary<string, object?> otlp, Dictionary<string, object?> resolver, List<string> errors)
    {
        if (Map(settings, "retry_on_failure").GetValueOrDefault("enabled") is not true)
        {
            errors.Add($"{where}: has no top-level retry_on_failure (enabled: true); the part of a batch for a lost backend is then dropped instead of re-routed to a live one after the ring is re-resolved");
        }
        if (Map(settings, "sending_queue").GetValueOrDefault("enabled") is false)
        {
            errors.Add($"{where}: sending_queue is disabled at the top level; data queued per backend is lost when the backend set changes (contrib #35378): keep the top-level queue");
        }
        if (Map(otlp, "retry_on_failure").GetValueOrDefault("enabled") is true)
        {
            errors.Add($"{where}: protocol::otlp::retry_on_failure is enabled; each batch part for a dead backend is retried there before the top-level retry can re-route it: disable it");
        }
        var timeout = otlp.GetValueOrDefault("timeout") is string backendTimeout ? ParseDuration(backendTimeout) : TimeSpan.FromSeconds(5);
        foreach (var (type, value) in resolver)
        {
            var interval = Map(resolver, type).GetValueOrDefault("interval") is string text ? ParseDuration(text) : null;
            if (timeout is { } backend && interval is { } refresh && backend >= refresh)
            {
                errors.Add($"{where}: protocol::otlp::timeout {backend.TotalSeconds}s is not below resolver::{type}::interval {refresh.TotalSeconds}s; a dead backend would hold every batch for a whole refresh");
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

/// <summary>
/// load_balancing exporter: spans go to the backend that owns their routing key (the trace ID), so
/// every span of a trace reaches the same sampler whichever router received it.
/// </summary>
public sealed record LoadBalancingExporter(
    string RoutingKey,
    LoadBalancingProtocol Protocol,
    LoadBalancingResolver Resolver,
    SendingQueue? SendingQueue = null,
    string? Timeout = null,
    RetryOnFailure? RetryOnFailure = null);

public sealed record LoadBalancingProtocol(
    OtlpClient Otlp);

/// <summary>The OTLP/gRPC client the load_balancing exporter builds per backend (the otlp_grpc exporter's config).</summary>
public sealed record OtlpClient(
    string Timeout,
    ClientTls Tls,
    SendingQueue? SendingQueue = null,
    RetryOnFailure? RetryOnFailure = null);

/// <summary>Exactly one resolver finds the backends.</summary>
public sealed record LoadBalancingResolver(
    AwsCloudMapResolver? AwsCloudMap = null,
    DnsResolver? Dns = null);

/// <summary>Cloud Map DiscoverInstances: the registered (and, with health_status, healthy) sampler tasks.</summary>
public sealed record AwsCloudMapResolver(
    string Namespace,
    string ServiceName,
    int Port,
    string HealthStatus,
    string Interval,
    string Timeout);

public sealed record DnsResolver(
    string Hostname,
    int Port,
    string Interval,
    string Timeout);
