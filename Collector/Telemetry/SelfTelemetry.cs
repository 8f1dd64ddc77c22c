using System.Globalization;
using Infra.Collector.Components.Receivers;

namespace Infra.Collector.Telemetry;

/// <summary>
/// Adds the collector's own metrics to a tier's config: the telemetry endpoint on localhost, and a
/// prometheus receiver that scrapes it once a minute with the tier as a label, into the tier's awsemf
/// exporter (<see cref="MetricsDestination"/>), which sends the declared <see cref="PipelineMetrics.SelfMetrics"/>.
/// </summary>
public static class SelfTelemetry
{
    public const string ReceiverId = Prometheus.Type + "/self";
    public const string PipelineId = "metrics/self";

    /// <summary>One point per CloudWatch minute.</summary>
    public const string ScrapeInterval = "60s";

    /// <summary>Every series present at normal level (basic drops none of the ones watched; detailed adds cost).</summary>
    public const string Level = "normal";

    public static CollectorConfig Add(CollectorConfig config, string tier) => config with
    {
        Receivers = ConfigSections.With(config.Receivers, ReceiverId, new PrometheusReceiver(new PrometheusConfig(
        [
            new ScrapeConfig("otelcol-self", ScrapeInterval,
                [new StaticConfig([$"{PipelineMetrics.TelemetryHost}:{PipelineMetrics.TelemetryPort.ToString(CultureInfo.InvariantCulture)}"], new Dictionary<string, string> { [PipelineMetrics.Tier] = tier })]),
        ]))),
        Service = config.Service with
        {
            Pipelines = ConfigSections.With(config.Service.Pipelines, PipelineId, new PipelineConfig([ReceiverId], [], [MetricsDestination.ExporterId])),
            Telemetry = (config.Service.Telemetry ?? new TelemetryConfig(new TelemetryLogsConfig("info"))) with
            {
                Metrics = new TelemetryMetricsConfig(Level,
                [
                    new TelemetryMetricReader(new PullMetricReader(new PullMetricExporter(new PrometheusMetricExporter(
                        PipelineMetrics.TelemetryHost, PipelineMetrics.TelemetryPort, WithoutScopeInfo: true, WithoutUnits: true, WithoutTypeSuffix: true)))),
                ]),
            },
        },
    };
}
