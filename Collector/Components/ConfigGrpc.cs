namespace Infra.Collector.Components;

/// <summary>configgrpc (core config/configgrpc at v0.159.0): the gRPC client settings the OTLP/gRPC exporter squashes into its top level.</summary>
public static class ConfigGrpc
{
    /// <summary>configgrpc.ClientConfig (config/configgrpc/configgrpc.go).</summary>
    public static readonly IReadOnlyList<string> ClientKeys =
    [
        "endpoint", "compression", "tls", "keepalive", "read_buffer_size", "write_buffer_size", "wait_for_ready",
        "headers", "user_agent", "balancer_name", "authority", "auth", "middlewares",
    ];
}
