namespace Infra.Collector.Components;

/// <summary>
/// confighttp (core config/confighttp at v0.159.0): the HTTP client and server settings many components
/// embed with <c>mapstructure:",squash"</c>, so their keys sit at the component's top level.
/// </summary>
public static class ConfigHttp
{
    /// <summary>confighttp.ClientConfig (config/confighttp/client.go).</summary>
    public static readonly IReadOnlyList<string> ClientKeys =
    [
        "endpoint", "proxy_url", "tls", "read_buffer_size", "write_buffer_size", "timeout", "headers", "auth",
        "compression", "compression_params", "max_idle_conns", "max_idle_conns_per_host", "max_conns_per_host",
        "idle_conn_timeout", "disable_keep_alives", "http2_read_idle_timeout", "http2_ping_timeout", "cookies",
        "force_attempt_http2", "middlewares",
    ];

    /// <summary>confighttp.ServerConfig with its squashed confignet.AddrConfig (config/confighttp/server.go, config/confignet).</summary>
    public static readonly IReadOnlyList<string> ServerKeys =
    [
        "endpoint", "transport", "dialer", "tls", "cors", "auth", "max_request_body_size", "include_metadata",
        "response_headers", "compression_algorithms", "read_timeout", "read_header_timeout", "write_timeout",
        "idle_timeout", "middlewares", "keep_alives_enabled",
    ];
}
