using static Infra.Collector.CollectorSharedKeys;

namespace Infra.Collector;

/// <summary>
/// The collector build we run, pinned, and what its components accept. The AWS distro (ADOT) lacks
/// the azuremonitor exporter, so the contrib image it is. Keys per component come from each
/// component's config.go (the source named beside it); a key not listed here would make the
/// collector refuse to start. Deprecated type aliases that the pinned build still accepts are listed
/// next to the canonical type with the same keys.
/// </summary>
public static class CollectorDistribution
{
    // The newest release whose configuration sources could be read at its tag (core v0.159.0).
    public const string Version = "0.159.0";

    public const string Image = "otel/opentelemetry-collector-contrib:" + Version;

    // Declared before Components: static fields initialise in text order.
    private static readonly string[] LoadBalancingKeys = [.. ExporterHelperKeys, "protocol", "resolver", "routing_key", "routing_attributes"];

    private static readonly string[] OtlpGrpcKeys = [.. ExporterHelperKeys, .. GrpcClientKeys];

    private static readonly string[] SpanMetricsKeys = ["dimensions", "calls_dimensions", "exclude_dimensions", "histogram", "events", "exemplars", "namespace", "metrics_flush_interval", "metrics_expiration", "series_expiration", "aggregation_temporality", "aggregation_cardinality_limit", "dimensions_cache_size", "resource_metrics_cache_size", "resource_metrics_key_attributes", "metric_timestamp_cache_size", "include_instrumentation_scope", "add_resource_attributes", "enable_metrics_sampling_method"];

    // otlp_http takes its timeout from confighttp.ClientConfig, so it has no exporterhelper timeout of its own.
    private static readonly string[] OtlpHttpKeys = [.. HttpClientKeys, "sending_queue", "retry_on_failure", "traces_endpoint", "metrics_endpoint", "logs_endpoint", "profiles_endpoint", "encoding"];

    /// <summary>Component kind (receivers, processors, exporters, extensions, connectors) to type to the top-level keys it accepts.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>> Components =
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>>(StringComparer.Ordinal)
        {
            ["receivers"] = Kind(
                // core receiver/otlpreceiver/config.go; protocols.grpc is configgrpc.ServerConfig, protocols.http confighttp.ServerConfig.
                ("otlp", ["protocols"]),
                // contrib receiver/prometheusreceiver/config.go (v0.156.0).
                ("prometheus", ["config", "trim_metric_suffixes", "target_allocator", "api_server", "scrape_on_shutdown", "discovery_reload_on_startup", "initial_scrape_offset"])),
            ["processors"] = Kind(
                // core internal/memorylimiter/config.go (processor/memorylimiterprocessor aliases it).
                ("memory_limiter", ["check_interval", "limit_mib", "spike_limit_mib", "limit_percentage", "spike_limit_percentage", "min_gc_interval_when_soft_limited", "min_gc_interval_when_hard_limited", "max_gc_interval_when_soft_limited", "max_gc_interval_when_hard_limited"]),
                // contrib processor/tailsamplingprocessor/config.go (v0.156.0).
                ("tail_sampling", ["decision_wait", "decision_wait_after_root_received", "num_traces", "block_on_overflow", "expected_new_traces_per_sec", "policies", "decision_cache", "tail_storage", "sample_on_first_match", "sampling_strategy", "drop_pending_traces_on_shutdown", "maximum_trace_size_bytes"]),
                // core processor/batchprocessor/config.go; still beta and shipped, replacement is sending_queue.batch in exporters.
                ("batch", ["timeout", "send_batch_size", "send_batch_max_size", "metadata_keys", "metadata_cardinality_limit"]),
                // contrib processor/transformprocessor/config.schema.yaml (contrib main as stored, not pinned to a tag).
                ("transform", ["error_mode", "flatten_data", "trace_statements", "metric_statements", "log_statements", "profile_statements"])),
            ["exporters"] = Kind(
                // contrib exporter/awsxrayexporter/config.go (v0.156.0): no exporterhelper queue or retry, it retries with max_retries.
                ("awsxray", [.. AwsSessionKeys, "indexed_attributes", "index_all_attributes", "aws_log_groups", "telemetry"]),
                // contrib exporter/azuremonitorexporter/config.schema.yaml (contrib main as stored): queues (sending_queue), no retry_on_failure.
                ("azuremonitor", [.. HttpClientKeys, "sending_queue", "connection_string", "instrumentation_key", "maxbatchsize", "maxbatchinterval", "spaneventsenabled", "shutdown_timeout", "custom_events_enabled", "exception_events_enabled"]),
                // contrib exporter/loadbalancingexporter/config.go (v0.156.0): type load_balancing, loadbalancing a deprecated alias.
                ("load_balancing", LoadBalancingKeys),
                ("loadbalancing", LoadBalancingKeys),
                // core exporter/otlpexporter/config.go: type otlp_grpc, otlp a deprecated alias.
                ("otlp_grpc", OtlpGrpcKeys),
                ("otlp", OtlpGrpcKeys),
                // core exporter/otlphttpexporter/config.go: type otlp_http, otlphttp a deprecated alias.
                ("otlp_http", OtlpHttpKeys),
                ("otlphttp", OtlpHttpKeys),
                // contrib exporter/awsemfexporter/config.go (v0.156.0).
                ("awsemf", [.. AwsSessionKeys, "log_group_name", "log_stream_name", "namespace", "retain_initial_value_of_delta_metric", "dimension_rollup_option", "log_retention", "tags", "parse_json_encoded_attr_values", "metric_declarations", "metric_descriptors", "output_destination", "eks_fargate_container_insights_enabled", "resource_to_telemetry_conversion", "detailed_metrics", "version"]),
                // core exporter/debugexporter/config.go.
                ("debug", ["verbosity", "sampling_initial", "sampling_thereafter", "use_internal_logger", "output_paths", "sending_queue"])),
            ["extensions"] = Kind(
                // contrib internal/healthcheck/config.go (v0.156.0): the HTTP server keys plus the legacy and v2 blocks.
                ("health_check", [.. HttpServerKeys, "path", "response_body", "check_collector_pipeline", "use_v2", "grpc", "http", "component_health"]),
                // contrib extension/sigv4authextension/config.go (v0.156.0).
                ("sigv4auth", ["region", "service", "assume_role"]),
                // contrib extension/bearertokenauthextension/config.schema.yaml (contrib main as stored).
                ("bearertokenauth", ["token", "tokens", "filename", "scheme", "header"])),
            ["connectors"] = Kind(
                // core connector/forwardconnector/config.go: an empty Config; joins two pipelines of one signal.
                ("forward", []),
                // contrib connector/spanmetricsconnector/config.schema.yaml (contrib main as stored). At 0.159 the type
                // is span_metrics with spanmetrics a deprecated alias (ecosystem-explorer registry v0.159.0 connector.yaml).
                ("span_metrics", SpanMetricsKeys),
                ("spanmetrics", SpanMetricsKeys)),
        };

    private static IReadOnlyDictionary<string, IReadOnlySet<string>> Kind(params (string Type, string[] Keys)[] types) =>
        types.ToDictionary(t => t.Type, t => (IReadOnlySet<string>)t.Keys.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
}
