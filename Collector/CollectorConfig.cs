namespace Infra.Collector;

/// <summary>
/// Typed model of the OpenTelemetry Collector config. Key names are the collector's own (snake_case,
/// as in each component's README); properties left null are not written.
/// </summary>
public sealed record CollectorConfig
{
    public required IReadOnlyDictionary<string, object> Receivers { get; init; }

    public required IReadOnlyDictionary<string, object> Processors { get; init; }

    public required IReadOnlyDictionary<string, object> Exporters { get; init; }

    /// <summary>Components that are an exporter of one pipeline and a receiver of another.</summary>
    public IReadOnlyDictionary<string, object>? Connectors { get; init; }

    public required IReadOnlyDictionary<string, object> Extensions { get; init; }

    public required ServiceConfig Service { get; init; }
}

public sealed record ServiceConfig
{
    public required IReadOnlyList<string> Extensions { get; init; }

    public required IReadOnlyDictionary<string, PipelineConfig> Pipelines { get; init; }

    public TelemetryConfig? Telemetry { get; init; }
}

public sealed record PipelineConfig(
    IReadOnlyList<string> Receivers,
    IReadOnlyList<string> Processors,
    IReadOnlyList<string> Exporters);

public sealed record TelemetryConfig(
    TelemetryLogsConfig Logs,
    TelemetryMetricsConfig? Metrics = null);

public sealed record TelemetryLogsConfig(
    string Level);

/// <summary>
/// service::telemetry::metrics (core service/telemetry/otelconftelemetry/config.go, v0.159.0): the level
/// and the readers of the collector's own metrics.
/// </summary>
public sealed record TelemetryMetricsConfig(
    string Level,
    IReadOnlyList<TelemetryMetricReader> Readers);

public sealed record TelemetryMetricReader(
    PullMetricReader Pull);

public sealed record PullMetricReader(
    PullMetricExporter Exporter);

public sealed record PullMetricExporter(
    PrometheusMetricExporter Prometheus);

/// <summary>
/// The Prometheus endpoint (otelconf v0.3.0 Prometheus): without type or unit suffixes and scope info, so
/// series carry the documented names (<c>otelcol_exporter_sent_spans</c>, not <c>..._total</c>).
/// </summary>
public sealed record PrometheusMetricExporter(
    string Host,
    int Port,
    bool WithoutScopeInfo,
    bool WithoutUnits,
    bool WithoutTypeSuffix);
