namespace Infra.Collector.Telemetry;

// Components of the self-telemetry and RED pipelines. Property names become snake_case keys (see
// CollectorYaml); each record names the upstream file its keys were read from.

/// <summary>prometheus receiver (contrib receiver/prometheusreceiver/config.go, v0.156.0): an embedded Prometheus config.</summary>
public sealed record PrometheusReceiver(
    PrometheusConfig Config);

public sealed record PrometheusConfig(
    IReadOnlyList<ScrapeConfig> ScrapeConfigs);

/// <summary>
/// One Prometheus scrape job. Static <c>labels</c> become data point attributes (and so EMF dimensions);
/// no <c>$</c> anywhere, which both the receiver and Pulumi YAML would read as a reference.
/// </summary>
public sealed record ScrapeConfig(
    string JobName,
    string ScrapeInterval,
    IReadOnlyList<StaticConfig> StaticConfigs);

public sealed record StaticConfig(
    IReadOnlyList<string> Targets,
    IReadOnlyDictionary<string, string> Labels);

/// <summary>
/// awsemf exporter (contrib exporter/awsemfexporter/config.go, v0.156.0): metrics as embedded metric
/// format log events into a log group Pulumi creates; CloudWatch Logs extracts the metrics.
/// </summary>
public sealed record AwsEmfExporter(
    string Region,
    string Namespace,
    string LogGroupName,
    string LogStreamName,
    string DimensionRollupOption,
    bool RetainInitialValueOfDeltaMetric,
    IReadOnlyList<EmfMetricDeclaration> MetricDeclarations,
    IReadOnlyList<EmfMetricDescriptor>? MetricDescriptors = null);

/// <summary>Which metrics reach CloudWatch and with which dimension sets; a point missing a dimension of a set is not sent for that set.</summary>
public sealed record EmfMetricDeclaration(
    IReadOnlyList<IReadOnlyList<string>> Dimensions,
    IReadOnlyList<string> MetricNameSelectors,
    IReadOnlyList<EmfLabelMatcher>? LabelMatchers = null);

public sealed record EmfLabelMatcher(
    IReadOnlyList<string> LabelNames,
    string Regex);

public sealed record EmfMetricDescriptor(
    string MetricName,
    string Unit,
    bool Overwrite);

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

/// <summary>otlp_grpc exporter (core exporter/otlpexporter/config.go): configgrpc client plus exporterhelper queue and retry.</summary>
public sealed record OtlpGrpcExporter(
    string Endpoint,
    ClientTls Tls,
    string Timeout,
    SendingQueue SendingQueue,
    RetryOnFailure RetryOnFailure);
