using Infra.Collector.Components;
using Infra.Collector.Components.Exporters;
using Infra.Collector.Components.Processors;
using Infra.Model;
using static Infra.Collector.ConfigTree;

namespace Infra.Collector.Telemetry;

/// <summary>
/// What a tier's config holds that its metrics are labelled with: the component ids exactly as written
/// (the collector labels series with the id, alias and all). Read from the rendered config, so alarms
/// and the dashboard follow any rename of an exporter or a pipeline.
/// </summary>
public sealed record PipelineInventory(
    IReadOnlyList<string> TraceReceivers,
    IReadOnlyList<string> TraceExporters,
    IReadOnlyList<string> QueuedTraceExporters,
    IReadOnlyList<string> QueuedMetricExporters,
    IReadOnlyList<string> AzureExporters,
    IReadOnlyList<string> MemoryLimiters,
    bool TailSamples)
{
    /// <summary>
    /// The self-metric series awsemf can send for this tier (each a billed CloudWatch custom metric): per
    /// receiver accepted and refused; per trace exporter sent, failed and enqueue-failed; per queue size and
    /// capacity; refusals per memory limiter; the process's memory; tail sampling's early drops and decisions.
    /// </summary>
    public int SelfMetricSeries =>
        2 * TraceReceivers.Count
        + 3 * TraceExporters.Count
        + 2 * (QueuedTraceExporters.Count + QueuedMetricExporters.Count)
        + MemoryLimiters.Count
        + 1
        + (TailSamples ? 1 + PipelineMetrics.Decisions.Count : 0);

    /// <summary>
    /// Read once per config (alarms, the dashboard, RED metrics and the inventory all ask), from the tree the config
    /// renders as YAML: the same ids the collector sees, without printing and parsing the YAML again.
    /// </summary>
    public static PipelineInventory Of(CollectorConfig config) =>
        Read.GetValue(config, static config => Of((Dictionary<string, object?>)Plain(Node.From(config, TreeConvention.CollectorConfig))!));

    /// <summary>The rendered tree as a parsed config reads (<see cref="YamlTree.ParseMap"/>): maps, lists, strings, booleans, longs.</summary>
    private static object? Plain(object? node) => node switch
    {
        IDictionary<string, object> map => map.ToDictionary(entry => entry.Key, entry => Plain(entry.Value), StringComparer.Ordinal),
        IEnumerable<object> list => list.Select(Plain).ToList(),
        int whole => (long)whole,
        _ => node,
    };

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CollectorConfig, PipelineInventory> Read = [];

    public static PipelineInventory Of(Dictionary<string, object?> config)
    {
        var connectors = Section(config, "connectors").Keys.ToHashSet(StringComparer.Ordinal);
        var exporters = Section(config, "exporters");
        var pipelines = Map(Map(config, "service"), "pipelines");
        List<Dictionary<string, object?>> OfSignal(string signal) =>
            [.. pipelines.Where(p => TypeOf(p.Key) == signal).Select(p => p.Value as Dictionary<string, object?> ?? [])];
        var traces = OfSignal("traces");
        List<string> Ids(string kind) => [.. traces.SelectMany(p => Strings(p, kind)).Distinct(StringComparer.Ordinal)];
        bool Queued(string id) => HasQueue(id, exporters.GetValueOrDefault(id) as Dictionary<string, object?> ?? []);

        var traceExporters = Ids("exporters").Where(id => !connectors.Contains(id)).ToList();
        var processors = Ids("processors");
        return new PipelineInventory(
            TraceReceivers: [.. Ids("receivers").Where(id => !connectors.Contains(id))],
            TraceExporters: traceExporters,
            QueuedTraceExporters: [.. traceExporters.Where(Queued)],
            QueuedMetricExporters: [.. OfSignal("metrics").SelectMany(p => Strings(p, "exporters")).Distinct(StringComparer.Ordinal).Where(id => !connectors.Contains(id) && Queued(id))],
            AzureExporters: [.. traceExporters.Where(AzureMonitor.Descriptor.IsTypeOf)],
            MemoryLimiters: [.. processors.Where(MemoryLimiter.Descriptor.IsTypeOf)],
            TailSamples: processors.Any(TailSampling.Descriptor.IsTypeOf));
    }

    /// <summary>An exporterhelper queue runs (and reports its size) unless the exporter has none or turns it off.</summary>
    private static bool HasQueue(string id, Dictionary<string, object?> settings) =>
        ComponentRegistry.Find(ComponentKind.Exporter, TypeOf(id)) is { } exporter
        && exporter.AcceptedKeys.Contains("sending_queue")
        && Map(settings, "sending_queue").GetValueOrDefault("enabled") is not false;
}
