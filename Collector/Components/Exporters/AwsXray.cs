namespace Infra.Collector.Components.Exporters;

/// <summary>
/// awsxray exporter. Type: ecosystem-explorer registry contrib/v0.159.0/exporter.yaml (no alias). Keys:
/// contrib exporter/awsxrayexporter/config.go (v0.156.0): no exporterhelper queue or retry, it retries
/// with max_retries.
/// </summary>
public static class AwsXray
{
    public const string Type = "awsxray";

    public static readonly ComponentType Descriptor = new()
    {
        Kind = ComponentKind.Exporter,
        Type = Type,
        Record = typeof(AwsXrayExporter),
        AcceptedKeys = ComponentType.Keys([.. AwsSession.Keys, "indexed_attributes", "index_all_attributes", "aws_log_groups", "telemetry"]),
    };
}

/// <summary>awsxray exporter (segments): credentials from the task role.</summary>
public sealed record AwsXrayExporter(
    string Region,
    int MaxRetries);
