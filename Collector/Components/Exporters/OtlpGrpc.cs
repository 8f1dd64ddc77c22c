namespace Infra.Collector.Components.Exporters;

/// <summary>
/// otlp_grpc exporter. Type: core exporter/otlpexporter/metadata.yaml at v0.159.0 (<c>type: otlp_grpc</c>,
/// <c>deprecated_type: otlp</c>). Keys: core exporter/otlpexporter/config.go, exporterhelper plus the
/// configgrpc client.
/// </summary>
public static class OtlpGrpc
{
    public const string Type = "otlp_grpc";

    public const string DeprecatedAlias = "otlp";

    public static readonly ComponentType Descriptor = new()
    {
        Kind = ComponentKind.Exporter,
        Type = Type,
        DeprecatedAlias = DeprecatedAlias,
        Record = typeof(OtlpGrpcExporter),
        AcceptedKeys = ComponentType.Keys([.. ExporterHelper.Keys, .. ConfigGrpc.ClientKeys]),
    };
}

/// <summary>otlp_grpc exporter: configgrpc client plus exporterhelper queue and retry.</summary>
public sealed record OtlpGrpcExporter(
    string Endpoint,
    ClientTls Tls,
    string Timeout,
    SendingQueue SendingQueue,
    RetryOnFailure RetryOnFailure);
