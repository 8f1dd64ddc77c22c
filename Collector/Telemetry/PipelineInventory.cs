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
    IReadOnlyList<string> AzureExporters,
    IReadOnlyList<string> MemoryLimiters,
    bool TailSamples)
{
    private static readonly string[] AzureMonitorTypes = ["azuremonitor", "azure_monitor"];

    public static PipelineInventory Of(CollectorConfig config) => Of(YamlTree.ParseMap(CollectorYaml.Serialize(config)));

    public static PipelineInventory Of(Dictionary<string, object?> config)
    {
        var connectors = Section(config, "connectors").Keys.ToHashSet(StringComparer.Ordinal);
        var exporters = Section(config, "exporters");
        var traces = Map(Map(config, "service"), "pipelines")
            .Where(p => TypeOf(p.Key) == "traces")
            .Select(p => p.Value as Dictionary<string, object?> ?? [])
            .ToList();
        List<string> Ids(string kind) => [.. traces.SelectMany(p => Strings(p, kind)).Distinct(StringComparer.Ordinal)];

        var traceExporters = Ids("exporters").Where(id => !connectors.Contains(id)).ToList();
        var processors = Ids("processors");
        return new PipelineInventory(
            TraceReceivers: [.. Ids("receivers").Where(id => !connectors.Contains(id))],
            TraceExporters: traceExporters,
            QueuedTraceExporters: [.. traceExporters.Where(id => HasQueue(id, exporters.GetValueOrDefault(id) as Dictionary<string, object?> ?? []))],
            AzureExporters: [.. traceExporters.Where(id => AzureMonitorTypes.Contains(TypeOf(id)))],
            MemoryLimiters: [.. processors.Where(id => TypeOf(id) == "memory_limiter")],
            TailSamples: processors.Any(id => TypeOf(id) == "tail_sampling"));
    }

    /// <summary>An exporterhelper queue runs (and reports its size) unless the exporter has none or turns it off.</summary>
    private static bool HasQueue(string id, Dictionary<string, object?> settings) =>
        CollectorDistribution.Components["exporters"].TryGetValue(TypeOf(id), out var keys)
        && keys.Contains("sending_queue")
        && Map(settings, "sending_queue").GetValueOrDefault("enabled") is not false;
}
