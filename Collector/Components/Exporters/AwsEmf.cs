namespace Infra.Collector.Components.Exporters;

/// <summary>
/// awsemf exporter. Type: ecosystem-explorer registry contrib/v0.159.0/exporter.yaml (no alias). Keys:
/// contrib exporter/awsemfexporter/config.go (v0.156.0).
/// </summary>
public static class AwsEmf
{
    public const string Type = "awsemf";

    public static readonly ComponentType Descriptor = new()
    {
        Kind = ComponentKind.Exporter,
        Type = Type,
        Record = typeof(AwsEmfExporter),
        AcceptedKeys = ComponentType.Keys([.. AwsSession.Keys, "log_group_name", "log_stream_name", "namespace", "retain_initial_value_of_delta_metric", "dimension_rollup_option", "log_retention", "tags", "parse_json_encoded_attr_values", "metric_declarations", "metric_descriptors", "output_destination", "eks_fargate_container_insights_enabled", "resource_to_telemetry_conversion", "detailed_metrics", "version"]),
    };
}

/// <summary>
/// awsemf exporter: metrics as embedded metric format log events into a log group Pulumi creates;
/// CloudWatch Logs extracts the metrics.
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
