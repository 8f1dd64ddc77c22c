using Infra.Collector.Components.Processors;
using static Infra.Collector.ConfigTree;

namespace Infra.Collector.Validation;

/// <summary>
/// The service's pipelines as a graph: connectors join the pipeline that exports to them with the
/// pipeline that receives from them. Answers where data comes from and whether it was sampled.
/// </summary>
internal sealed class PipelineGraph
{
    private readonly IReadOnlySet<string> _connectors;

    public PipelineGraph(Dictionary<string, object?> pipelines, IEnumerable<string> connectors)
    {
        Pipelines = pipelines.ToDictionary(p => p.Key, p => p.Value as Dictionary<string, object?> ?? [], StringComparer.Ordinal);
        _connectors = connectors.ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, Dictionary<string, object?>> Pipelines { get; }

    /// <summary>A collector refuses a connector that is not both an exporter and a receiver.</summary>
    public void CheckConnectorsHaveBothEnds(List<string> errors)
    {
        foreach (var connector in _connectors.Order(StringComparer.Ordinal))
        {
            var feeds = Pipelines.Where(p => Strings(p.Value, "exporters").Contains(connector)).Select(p => p.Key).ToList();
            var fed = Pipelines.Where(p => Strings(p.Value, "receivers").Contains(connector)).Select(p => p.Key).ToList();
            if (feeds.Count == 0 && fed.Count > 0)
            {
                errors.Add($"connectors::{connector}: is a receiver of {string.Join(", ", fed)} but no pipeline exports to it");
            }
            else if (fed.Count == 0 && feeds.Count > 0)
            {
                errors.Add($"connectors::{connector}: is an exporter of {string.Join(", ", feeds)} but no pipeline receives from it");
            }
        }
    }

    /// <summary>At least one receiver is a real receiver, not a connector.</summary>
    public bool AdmitsFromOutside(string pipelineId) => Strings(Pipelines[pipelineId], "receivers").Any(id => !_connectors.Contains(id));

    /// <summary>At least one exporter sends out of the collector (not into a connector).</summary>
    public bool ExportsToBackend(string pipelineId) => Strings(Pipelines[pipelineId], "exporters").Any(id => !_connectors.Contains(id));

    /// <summary>Every receiver is a connector fed only by pipelines that tail-sampled (themselves or upstream).</summary>
    public bool ReceivesOnlySampled(string pipelineId) => ReceivesOnlySampled(pipelineId, []);

    private bool ReceivesOnlySampled(string pipelineId, HashSet<string> visiting)
    {
        var receivers = Strings(Pipelines[pipelineId], "receivers");
        if (receivers.Count == 0 || receivers.Any(id => !_connectors.Contains(id)) || !visiting.Add(pipelineId))
        {
            return false;
        }
        var upstream = Pipelines.Where(p => Strings(p.Value, "exporters").Intersect(receivers).Any()).Select(p => p.Key).ToList();
        return upstream.Count > 0 && upstream.All(id => Sampled(id, visiting));
    }

    private bool Sampled(string pipelineId, HashSet<string> visiting) =>
        Strings(Pipelines[pipelineId], "processors").Any(TailSampling.Descriptor.IsTypeOf) || ReceivesOnlySampled(pipelineId, visiting);
}
