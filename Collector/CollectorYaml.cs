using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Infra.Collector;

/// <summary>Serializes the collector model with YamlDotNet; the same model always gives the same text.</summary>
public static class CollectorYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .WithQuotingNecessaryStrings(quoteYaml1_1Strings: true)
        .DisableAliases()
        .Build();

    public static string Serialize(CollectorConfig config) => Serializer.Serialize(config);

    /// <summary>The <c>tail_sampling</c> block alone, in the shape it has inside the running config.</summary>
    public static string SerializeTailSampling(CollectorConfig config) =>
        Serializer.Serialize(new Dictionary<string, object> { ["processors"] = new Dictionary<string, object> { ["tail_sampling"] = config.Processors["tail_sampling"] } });
}
