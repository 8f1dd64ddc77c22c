namespace Infra.Collector;

/// <summary>
/// The collector build we run, pinned, and what its components accept. The AWS distro (ADOT) lacks
/// the azuremonitor exporter, so the contrib image it is. Keys per component follow the contrib
/// READMEs and config.go of each component; a key not listed here would make the collector refuse to start.
/// </summary>
public static class CollectorDistribution
{
    public const string Version = "0.159.0";

    public const string Image = "otel/opentelemetry-collector-contrib:" + Version;

    /// <summary>Component kind (receivers, processors, exporters, extensions) to type to the top-level keys it accepts.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>> Components =
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>>(StringComparer.Ordinal)
        {
            ["receivers"] = Kind(
                ("otlp", ["protocols"])),
            ["processors"] = Kind(
                ("memory_limiter", ["check_interval", "limit_mib", "spike_limit_mib", "limit_percentage", "spike_limit_percentage"]),
                ("tail_sampling", ["decision_wait", "num_traces", "expected_new_traces_per_sec", "decision_cache", "policies", "sample_on_first_match", "drop_pending_traces_on_shutdown"]),
                ("batch", ["timeout", "send_batch_size", "send_batch_max_size", "metadata_keys", "metadata_cardinality_limit"])),
            ["exporters"] = Kind(
                // awsxray has no exporterhelper queue or retry settings: it retries with max_retries.
                ("awsxray", ["num_workers", "endpoint", "request_timeout_seconds", "max_retries", "no_verify_ssl", "proxy_address", "region", "local_mode", "resource_arn", "role_arn", "indexed_attributes", "index_all_attributes", "aws_log_groups", "telemetry"]),
                // azuremonitor queues (sending_queue) but has no retry_on_failure block.
                ("azuremonitor", ["connection_string", "instrumentation_key", "endpoint", "maxbatchsize", "maxbatchinterval", "spaneventsenabled", "sending_queue", "shutdown_timeout", "custom_events_enabled", "exception_events_enabled"]),
                ("loadbalancing", ["routing_key", "protocol", "resolver", "sending_queue", "retry_on_failure", "timeout"]),
                ("debug", ["verbosity", "sampling_initial", "sampling_thereafter"])),
            ["extensions"] = Kind(
                ("health_check", ["endpoint", "path", "check_collector_pipeline"])),
        };

    private static IReadOnlyDictionary<string, IReadOnlySet<string>> Kind(params (string Type, string[] Keys)[] types) =>
        types.ToDictionary(t => t.Type, t => (IReadOnlySet<string>)t.Keys.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
}
