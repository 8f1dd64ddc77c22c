using System.Text.RegularExpressions;
using Infra.Settings;

namespace Infra.Collector.Telemetry;

/// <summary>
/// The names the pipeline's metrics carry in CloudWatch: the collector's own metrics (core v0.159.0
/// generated documentation.md files; tail_sampling from contrib v0.159.0's registry) and the RED metrics
/// of the span_metrics connector. The awsemf declarations, the alarms and the dashboard all read them
/// from here, so a name or a dimension cannot differ between what is emitted and what is watched.
/// </summary>
public static class PipelineMetrics
{
    /// <summary>The collector's internal telemetry endpoint, scraped by the collector itself inside the task.</summary>
    public const string TelemetryHost = "localhost";

    public const int TelemetryPort = 8888;

    /// <summary>One CloudWatch namespace per stack, for self-metrics and RED metrics alike.</summary>
    public static string Namespace(string stack) => $"{SettingKeys.Project}/{stack}";

    // Collector self-metrics, as the Prometheus reader exposes them (no _total or unit suffixes).
    public const string ReceiverAcceptedSpans = "otelcol_receiver_accepted_spans";
    public const string ReceiverRefusedSpans = "otelcol_receiver_refused_spans";
    public const string ExporterSentSpans = "otelcol_exporter_sent_spans";
    public const string ExporterSendFailedSpans = "otelcol_exporter_send_failed_spans";
    public const string ExporterEnqueueFailedSpans = "otelcol_exporter_enqueue_failed_spans";
    public const string ExporterQueueSize = "otelcol_exporter_queue_size";
    public const string ExporterQueueCapacity = "otelcol_exporter_queue_capacity";
    public const string MemoryLimiterRefusedSpans = "otelcol_processor_memory_limiter_refused_spans";
    public const string ProcessMemoryRss = "otelcol_process_memory_rss";
    public const string TracesDroppedTooEarly = "otelcol_processor_tail_sampling_sampling_trace_dropped_too_early";
    public const string TracesSampled = "otelcol_processor_tail_sampling_global_count_traces_sampled";

    // Their labels, which awsemf turns into dimensions of the same name.
    public const string Tier = "tier";
    public const string Receiver = "receiver";
    public const string Exporter = "exporter";
    public const string Processor = "processor";
    public const string DataType = "data_type";
    public const string Decision = "decision";

    /// <summary>The <c>data_type</c> of a traces pipeline's exporter queue.</summary>
    public const string TracesDataType = "traces";

    /// <summary>The <c>decision</c> values of <see cref="TracesSampled"/>.</summary>
    public static readonly IReadOnlyList<string> Decisions = ["sampled", "not_sampled", "dropped"];

    // RED metrics of the span_metrics connector (namespace traces.span.metrics, its default).
    public const string Calls = "traces.span.metrics.calls";
    public const string Duration = "traces.span.metrics.duration";
    public const string ServiceName = "service.name";
    public const string StatusCode = "status.code";
    public const string SpanKind = "span.kind";
    public const string ErrorStatus = "STATUS_CODE_ERROR";

    /// <summary>Spans that stand for a request a service handled; RED in CloudWatch counts these only.</summary>
    public const string ServerKind = "SPAN_KIND_SERVER";

    /// <summary>
    /// What reaches CloudWatch from the self-scrape: each metric with exactly these dimensions (every
    /// other scraped series is dropped by awsemf).
    /// </summary>
    public static readonly IReadOnlyList<MetricSet> SelfMetrics =
    [
        new([ReceiverAcceptedSpans, ReceiverRefusedSpans], [[Tier, Receiver]]),
        new([ExporterSentSpans, ExporterSendFailedSpans, ExporterEnqueueFailedSpans], [[Tier, Exporter]]),
        // One exporter id can sit in a traces and a metrics pipeline, each with its own queue.
        new([ExporterQueueSize, ExporterQueueCapacity], [[Tier, Exporter, DataType]]),
        new([MemoryLimiterRefusedSpans], [[Tier, Processor]]),
        new([ProcessMemoryRss, TracesDroppedTooEarly], [[Tier]]),
        new([TracesSampled], [[Tier, Decision]]),
    ];

    /// <summary>RED per service from server spans: calls (all, and by status), duration as an exponential histogram.</summary>
    public static readonly IReadOnlyList<MetricSet> RedMetrics =
    [
        new([Calls], [[ServiceName], [ServiceName, StatusCode]], new LabelFilter(SpanKind, ServerKind)),
        new([Duration], [[ServiceName]], new LabelFilter(SpanKind, ServerKind)),
    ];

    /// <summary>The dimension sets CloudWatch holds for a metric of <paramref name="sets"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> DimensionSetsOf(string metric, IReadOnlyList<MetricSet> sets) =>
        sets.FirstOrDefault(set => set.Metrics.Contains(metric))?.DimensionSets
        ?? throw new ArgumentException($"{metric} is not a metric the pipeline sends to CloudWatch.", nameof(metric));
}

/// <summary>Metrics that share their dimension sets (an awsemf metric declaration), optionally only points with one label value.</summary>
public sealed record MetricSet(IReadOnlyList<string> Metrics, IReadOnlyList<IReadOnlyList<string>> DimensionSets, LabelFilter? OnlyWhere = null)
{
    /// <summary>awsemf matches metric names by regular expression: anchor each exact name.</summary>
    public IReadOnlyList<string> NameSelectors => [.. Metrics.Select(name => $"^{Regex.Escape(name)}$")];
}

public sealed record LabelFilter(string Label, string Value);
