using Infra.Collector.Components;
using Infra.Collector.Components.Connectors;
using Infra.Collector.Components.Exporters;

namespace Infra.Collector.Telemetry;

/// <summary>
/// Rate, errors and duration computed from every span, before tail sampling drops most of them: the
/// span_metrics connector fed by its own traces pipeline straight from the receivers. Points are deltas
/// (awsemf and azure_monitor send histogram points as they are) and durations exponential histograms
/// (only those give CloudWatch percentiles).
/// </summary>
public static class RedMetrics
{
    public const string ConnectorId = SpanMetrics.Type;
    public const string TracesPipelineId = "traces/red";
    public const string MetricsPipelineId = "metrics/red";
    public const string ForwardExporterId = OtlpGrpc.Type + "/red";

    /// <summary>Exponential buckets per histogram point (the connector's default); awsemf sends up to 100 values per entry and splits the rest.</summary>
    public const int HistogramMaxSize = 160;

    public static SpanMetricsConnector Connector(int cardinalityLimit) => new(
        AggregationTemporality: "AGGREGATION_TEMPORALITY_DELTA",
        Histogram: new SpanMetricsHistogram("ms", new ExponentialHistogram(HistogramMaxSize)),
        // Series beyond the limit fold into one with otel.metric.overflow=true, so a runaway span name cannot exhaust memory.
        AggregationCardinalityLimit: cardinalityLimit,
        MetricsFlushInterval: "60s",
        ResourceMetricsKeyAttributes: [PipelineMetrics.ServiceName]);

    /// <summary>What reaches CloudWatch from a tier that computes RED; the calls have no unit CloudWatch knows, they are counts.</summary>
    public static IReadOnlyList<EmfMetricDescriptor> Descriptors => [new EmfMetricDescriptor(PipelineMetrics.Calls, "Count", Overwrite: true)];

    /// <summary>Single topology: the task computes RED and exports it to CloudWatch and, with its own credential, to Azure Monitor.</summary>
    public static CollectorConfig ComputeAndExport(CollectorConfig config, int cardinalityLimit) =>
        Compute(config, cardinalityLimit, [.. AzureExporters(config)], new Dictionary<string, object>());

    /// <summary>
    /// Routing tier: every span passes here, so RED is computed here; CloudWatch directly, Azure through the
    /// samplers over OTLP/gRPC (inside the VPC, where their security group admits the routers on 4317),
    /// so the Azure credential stays on the samplers. Any sampler may take any delta point.
    /// </summary>
    public static CollectorConfig ComputeAndForward(CollectorConfig config, int cardinalityLimit, SamplerDiscoveryNames samplers) =>
        Compute(config, cardinalityLimit, [ForwardExporterId], new Dictionary<string, object>
        {
            [ForwardExporterId] = new OtlpGrpcExporter(
                // The DNS resolver returns every sampler's A record; the client balances round robin over them.
                Endpoint: $"dns:///{samplers.Service}.{samplers.Namespace}:{CollectorConfigFactory.OtlpGrpcPort}",
                // The same hop as the spans' load balancing: plaintext between two security groups in the VPC.
                Tls: new ClientTls(Insecure: true),
                Timeout: "5s",
                SendingQueue: new SendingQueue(Enabled: true, NumConsumers: 2, QueueSize: 100),
                RetryOnFailure: new RetryOnFailure(Enabled: true, InitialInterval: "1s", MaxInterval: "10s", MaxElapsedTime: "60s")),
        });

    /// <summary>Sampling tier: the routers' RED arrives on the OTLP receiver and leaves for Azure Monitor.</summary>
    public static CollectorConfig ExportForwarded(CollectorConfig config)
    {
        var inventory = PipelineInventory.Of(config);
        return config with
        {
            Service = config.Service with
            {
                Pipelines = ConfigSections.With(config.Service.Pipelines, MetricsPipelineId,
                    new PipelineConfig(inventory.TraceReceivers, inventory.MemoryLimiters, AzureExporters(config))),
            },
        };
    }

    /// <summary>CloudWatch through the tier's awsemf exporter (added with the tier's metric sets), and <paramref name="onward"/>.</summary>
    private static CollectorConfig Compute(CollectorConfig config, int cardinalityLimit, IReadOnlyList<string> onward, IReadOnlyDictionary<string, object> onwardExporters)
    {
        var inventory = PipelineInventory.Of(config);
        var exporters = config.Exporters;
        foreach (var (id, exporter) in onwardExporters)
        {
            exporters = ConfigSections.With(exporters, id, exporter);
        }
        var pipelines = ConfigSections.With(config.Service.Pipelines, TracesPipelineId,
            new PipelineConfig(inventory.TraceReceivers, inventory.MemoryLimiters, [ConnectorId]));
        pipelines = ConfigSections.With(pipelines, MetricsPipelineId, new PipelineConfig([ConnectorId], [], [MetricsDestination.ExporterId, .. onward]));
        return config with
        {
            Connectors = ConfigSections.With(config.Connectors, ConnectorId, (object)Connector(cardinalityLimit)),
            Exporters = exporters,
            Service = config.Service with { Pipelines = pipelines },
        };
    }

    private static IReadOnlyList<string> AzureExporters(CollectorConfig config) =>
        PipelineInventory.Of(config).AzureExporters is { Count: > 0 } ids
            ? ids
            : throw new InvalidOperationException("RED metrics for Azure need the tier that exports spans to Azure Monitor.");
}
