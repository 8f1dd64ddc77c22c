namespace Infra.Collector.Components.Exporters;

/// <summary>
/// otlp_http exporter. Type: core exporter/otlphttpexporter/metadata.yaml at v0.159.0 (<c>type: otlp_http</c>,
/// <c>deprecated_type: otlphttp</c>). Keys: core exporter/otlphttpexporter/config.go; it takes its timeout
/// from confighttp.ClientConfig, so it has no exporterhelper timeout of its own.
/// </summary>
public static class OtlpHttp
{
    public const string Type = "otlp_http";

    public const string DeprecatedAlias = "otlphttp";

    public static readonly ComponentType Descriptor = new()
    {
        Kind = ComponentKind.Exporter,
        Type = Type,
        DeprecatedAlias = DeprecatedAlias,
        Record = typeof(OtlpHttpExporter),
        AcceptedKeys = ComponentType.Keys([.. ConfigHttp.ClientKeys, "sending_queue", "retry_on_failure", "traces_endpoint", "metrics_endpoint", "logs_endpoint", "profiles_endpoint", "encoding"]),
    };
}

/// <summary>
/// otlp_http exporter to the X-Ray OTLP endpoint, signed with SigV4 (the endpoint takes no other
/// authentication). gzip and protobuf are the exporter's defaults; written out for review.
/// </summary>
public sealed record OtlpHttpExporter(
    string TracesEndpoint,
    string Compression,
    Authentication Auth,
    SendingQueue SendingQueue,
    RetryOnFailure RetryOnFailure);
