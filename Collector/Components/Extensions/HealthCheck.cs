namespace Infra.Collector.Components.Extensions;

/// <summary>
/// health_check extension. Type: ecosystem-explorer registry contrib/v0.159.0/extension.yaml (no alias).
/// Keys: contrib internal/healthcheck/config.go (v0.156.0): the HTTP server keys plus the legacy and v2 blocks.
/// </summary>
public static class HealthCheck
{
    public const string Type = "health_check";

    public static readonly ComponentType Descriptor = new()
    {
        Kind = ComponentKind.Extension,
        Type = Type,
        Record = typeof(HealthCheckExtension),
        AcceptedKeys = ComponentType.Keys([.. ConfigHttp.ServerKeys, "path", "response_body", "check_collector_pipeline", "use_v2", "grpc", "http", "component_health"]),
    };
}

/// <summary>health_check extension, bound to all interfaces so the load balancer can reach it.</summary>
public sealed record HealthCheckExtension(
    string Endpoint);
