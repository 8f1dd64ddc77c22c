namespace Infra.Collector;

/// <summary>
/// Key sets that many components embed with <c>mapstructure:",squash"</c>, so they appear at the
/// component's top level. Read from the collector core at tag v0.159.0 (config/*, exporter/exporterhelper)
/// and, for the AWS session settings, from contrib v0.156.0 as vendored by aws-otel-collector.
/// </summary>
internal static class CollectorSharedKeys
{
    /// <summary>confighttp.ClientConfig (config/confighttp/client.go).</summary>
    public static readonly string[] HttpClientKeys =
    [
        "endpoint", "proxy_url", "tls", "read_buffer_size", "write_buffer_size", "timeout", "headers", "auth",
        "compression", "compression_params", "max_idle_conns", "max_idle_conns_per_host", "max_conns_per_host",
        "idle_conn_timeout", "disable_keep_alives", "http2_read_idle_timeout", "http2_ping_timeout", "cookies",
        "force_attempt_http2", "middlewares",
    ];

    /// <summary>confighttp.ServerConfig with its squashed confignet.AddrConfig (config/confighttp/server.go, config/confignet).</summary>
    public static readonly string[] HttpServerKeys =
    [
        "endpoint", "transport", "dialer", "tls", "cors", "auth", "max_request_body_size", "include_metadata",
        "response_headers", "compression_algorithms", "read_timeout", "read_header_timeout", "write_timeout",
        "idle_timeout", "middlewares", "keep_alives_enabled",
    ];

    /// <summary>configgrpc.ClientConfig (config/configgrpc/configgrpc.go).</summary>
    public static readonly string[] GrpcClientKeys =
    [
        "endpoint", "compression", "tls", "keepalive", "read_buffer_size", "write_buffer_size", "wait_for_ready",
        "headers", "user_agent", "balancer_name", "authority", "auth", "middlewares",
    ];

    /// <summary>
    /// exporterhelper: <c>timeout</c> (squashed TimeoutConfig), <c>sending_queue</c> (QueueBatchConfig,
    /// which holds the exporter-side <c>batch</c> block) and <c>retry_on_failure</c> (configretry.BackOffConfig).
    /// </summary>
    public static readonly string[] ExporterHelperKeys = ["timeout", "sending_queue", "retry_on_failure"];

    /// <summary>awsutil.AWSSessionSettings (internal/aws/awsutil/awsconfig.go), squashed into awsxray and awsemf.</summary>
    public static readonly string[] AwsSessionKeys =
    [
        "num_workers", "endpoint", "request_timeout_seconds", "max_retries", "no_verify_ssl", "proxy_address",
        "region", "local_mode", "resource_arn", "role_arn", "external_id",
    ];
}
