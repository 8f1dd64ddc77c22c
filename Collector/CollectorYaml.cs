using Infra.Collector.Components.Processors;
using Infra.Model;

namespace Infra.Collector;

/// <summary>
/// Renders the collector model as the collector reads it: <see cref="Node"/>'s walk under the
/// collector's convention (snake_case keys, nulls left out), written by <see cref="YamlText"/>.
/// The same model always gives the same text.
/// </summary>
public static class CollectorYaml
{
    public static string Serialize(CollectorConfig config) => YamlText.Write(Node.From(config, TreeConvention.CollectorConfig));

    /// <summary>The <c>tail_sampling</c> block alone, in the shape it has inside the running config.</summary>
    public static string SerializeTailSampling(CollectorConfig config) =>
        YamlText.Write(Node.From(new Dictionary<string, object> { ["processors"] = new Dictionary<string, object> { [TailSampling.Type] = config.Processors[TailSampling.Type] } }, TreeConvention.CollectorConfig));
}
