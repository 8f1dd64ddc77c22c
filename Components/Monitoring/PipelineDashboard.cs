using Infra.Collector.Telemetry;
using Infra.Model;
using Infra.Model.Aws;

namespace Infra.Components.Monitoring;

public sealed record PipelineDashboardArgs(
    string NamePrefix,
    string AwsRegion,
    string Namespace,
    EcsCluster Cluster,
    IReadOnlyList<WatchedTier> Tiers);

/// <summary>
/// One CloudWatch dashboard for the pipeline: spans in and out per component, sampling decisions, queues,
/// memory, task counts per tier, and the top services' RED metrics. Every line names a metric the
/// collector configs emit, with the dimensions their awsemf declarations give it.
/// </summary>
public sealed class PipelineDashboard
{
    public const string ComponentName = "pipeline-dashboard";

    /// <summary>How many services the RED widgets rank.</summary>
    public const int TopServices = 10;

    private const int Period = 60;
    private const int Half = 12;
    private const int Third = 8;
    private const int Height = 6;

    public PipelineDashboard(PulumiProgram program, PipelineDashboardArgs args)
    {
        var ns = args.Namespace;
        var tiers = args.Tiers;
        MetricLine Self(string metric, WatchedTier tier, string? label = null, params (string Name, string Value)[] dimensions) =>
            new(ns, metric, [new(PipelineMetrics.Tier, tier.Tier), .. dimensions.Select(d => new MetricDimension(d.Name, d.Value))], label);
        MetricWidgetProperties Graph(string title, string stat, IReadOnlyList<DashboardMetric> metrics) => new()
        {
            Title = title,
            Region = args.AwsRegion,
            Period = Period,
            Stat = stat,
            Metrics = metrics,
        };

        var spansIn = tiers.SelectMany(t => t.Inventory.TraceReceivers.SelectMany(receiver => new[]
        {
            Self(PipelineMetrics.ReceiverAcceptedSpans, t, $"{t.Tier} {receiver} accepted", (PipelineMetrics.Receiver, receiver)),
            Self(PipelineMetrics.ReceiverRefusedSpans, t, $"{t.Tier} {receiver} refused", (PipelineMetrics.Receiver, receiver)),
        })).Concat(tiers.SelectMany(t => t.Inventory.MemoryLimiters.Select(limiter =>
            Self(PipelineMetrics.MemoryLimiterRefusedSpans, t, $"{t.Tier} {limiter} refused", (PipelineMetrics.Processor, limiter)))));
        var spansOut = tiers.SelectMany(t => t.Inventory.TraceExporters.SelectMany(exporter => new[]
        {
            Self(PipelineMetrics.ExporterSentSpans, t, $"{t.Tier} {exporter} sent", (PipelineMetrics.Exporter, exporter)),
            Self(PipelineMetrics.ExporterSendFailedSpans, t, $"{t.Tier} {exporter} failed", (PipelineMetrics.Exporter, exporter)),
        }));
        var sampling = tiers.Where(t => t.Inventory.TailSamples).SelectMany(t =>
            PipelineMetrics.Decisions.Select(decision => Self(PipelineMetrics.TracesSampled, t, $"{t.Tier} {decision}", (PipelineMetrics.Decision, decision)))
                .Append(Self(PipelineMetrics.TracesDroppedTooEarly, t, $"{t.Tier} dropped too early")));
        var queues = tiers.SelectMany(t => t.Inventory.QueuedTraceExporters.SelectMany(exporter => new[]
        {
            Self(PipelineMetrics.ExporterQueueSize, t, $"{t.Tier} {exporter} size", (PipelineMetrics.Exporter, exporter), (PipelineMetrics.DataType, PipelineMetrics.TracesDataType)),
            Self(PipelineMetrics.ExporterQueueCapacity, t, $"{t.Tier} {exporter} capacity", (PipelineMetrics.Exporter, exporter), (PipelineMetrics.DataType, PipelineMetrics.TracesDataType)),
        }));
        var memory = tiers.Select(t => Self(PipelineMetrics.ProcessMemoryRss, t, $"{t.Tier} RSS"));
        var tasks = tiers.SelectMany(t => new[] { "RunningTaskCount", "DesiredTaskCount" }.Select(metric => new MetricLine(
            "ECS/ContainerInsights", metric,
            [new("ClusterName", args.Cluster.ClusterName), new("ServiceName", t.Service.ServiceName)],
            $"{t.Tier} {(metric == "RunningTaskCount" ? "running" : "desired")}")));

        var calls = $"SUM({Quoted(PipelineMetrics.Calls)})";
        var byService = $"GROUP BY {Quoted(PipelineMetrics.ServiceName)} ORDER BY SUM() DESC LIMIT {TopServices}";
        var requests = new ExpressionLine(
            $"SELECT {calls} FROM SCHEMA({Quoted(ns)}, {Quoted(PipelineMetrics.ServiceName)}) {byService}", "requests", "requests");
        var errors = new ExpressionLine(
            $"SELECT {calls} FROM SCHEMA({Quoted(ns)}, {Quoted(PipelineMetrics.ServiceName)}, {Quoted(PipelineMetrics.StatusCode)}) WHERE {Quoted(PipelineMetrics.StatusCode)} = '{PipelineMetrics.ErrorStatus}' {byService}", "errors", "errors");
        // Metrics Insights has no percentiles; SEARCH takes any statistic.
        var latency = new ExpressionLine(
            $"SEARCH('{{{Quoted(ns)},{Quoted(PipelineMetrics.ServiceName)}}} MetricName={Quoted(PipelineMetrics.Duration)}', 'p99', {Period})", "p99", "p99 (ms)");

        IReadOnlyList<DashboardWidget> widgets =
        [
            new TextWidget(0, 0, 24, 2, new TextWidgetProperties(
                $"# {args.NamePrefix} pipeline\nCollector self-metrics and RED metrics in `{ns}`, one point a minute. RED counts server spans before tail sampling. Alarms and what to do: README, \"Watching the pipeline\".")),
            new MetricWidget(0, 2, Half, Height, Graph("Spans received and refused", "Sum", [.. spansIn])),
            new MetricWidget(Half, 2, Half, Height, Graph("Spans exported and failed, per exporter", "Sum", [.. spansOut])),
            new MetricWidget(0, 8, Half, Height, Graph("Tail sampling: traces by decision", "Sum", [.. sampling])),
            new MetricWidget(Half, 8, Half, Height, Graph("Exporter queues (spans)", "Maximum", [.. queues])),
            new MetricWidget(0, 14, Half, Height, Graph("Tasks per tier", "Average", [.. tasks])),
            new MetricWidget(Half, 14, Half, Height, Graph("Collector memory (RSS bytes)", "Maximum", [.. memory])),
            new MetricWidget(0, 20, Third, Height, Graph($"Top {TopServices} services: requests per minute", "Sum", [requests])),
            new MetricWidget(Third, 20, Third, Height, Graph($"Top {TopServices} services: errors per minute", "Sum", [errors])),
            new MetricWidget(2 * Third, 20, Third, Height, Graph("Latency p99 per service", "p99", [latency])),
        ];
        Body = new DashboardBody(widgets);
        Dashboard = program.Add(ComponentName, new Dashboard("pipeline-dashboard", new DashboardArgs
        {
            DashboardName = $"{args.NamePrefix}-pipeline",
            DashboardBody = Body.ToJson(),
        }));
    }

    public DashboardBody Body { get; }

    public Dashboard Dashboard { get; }

    /// <summary>Metrics Insights and SEARCH need names with characters other than letters, digits and _ in double quotes.</summary>
    private static string Quoted(string name) => $"\"{name}\"";
}
