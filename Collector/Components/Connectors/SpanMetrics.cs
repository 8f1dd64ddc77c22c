namespace Infra.Collector.Components.Connectors;

/// <summary>
/// span_metrics connector. Type: ecosystem-explorer registry contrib/v0.159.0/connector.yaml
/// (<c>type: span_metrics</c>, <c>deprecated_type: spanmetrics</c>). Keys: contrib
/// connector/spanmetricsconnector/config.schema.yaml (contrib main as stored).
/// </summary>
public static class SpanMetrics
{
    public const string Type = "span_metrics";

    public const string DeprecatedAlias = "spanmetrics";

    public static readonly ComponentType Descriptor = new()
    {
        Kind = ComponentKind.Connector,
        Type = Type,
        DeprecatedAlias = DeprecatedAlias,
        Record = typeof(SpanMetricsConnector),
        AcceptedKeys = ComponentType.Keys(["dimensions", "calls_dimensions", "exclude_dimensions", "histogram", "events", "exemplars", "namespace", "metrics_flush_interval", "metrics_expiration", "series_expiration", "aggregation_temporality", "aggregation_cardinality_limit", "dimensions_cache_size", "resource_metrics_cache_size", "resource_metrics_key_attributes", "metric_timestamp_cache_size", "include_instrumentation_scope", "add_resource_attributes", "enable_metrics_sampling_method"]),
    };
}

/// <summary>
/// span_metrics connector (contrib connector/spanmetricsconnector/config.go and config.schema.yaml): calls
/// and duration per service, span name, kind and status code, the connector's default dimensions.
/// </summary>
public sealed record SpanMetricsConnector(
    string AggregationTemporality,
    SpanMetricsHistogram Histogram,
    int AggregationCardinalityLimit,
    string MetricsFlushInterval,
    IReadOnlyList<string> ResourceMetricsKeyAttributes);

public sealed record SpanMetricsHistogram(
    string Unit,
    ExponentialHistogram Exponential);

public sealed record ExponentialHistogram(
    int MaxSize);
