using Infra.Capacity;
using Infra.Collector;
using Infra.Settings;
using Infra.Settings.Topology;

namespace Infra.Stacks;

/// <summary>Each tier's collector config, chosen by what the tier does in the data path.</summary>
public static class TierConfigs
{
    public static IReadOnlyDictionary<string, CollectorConfig> For(
        StackSettings settings, CollectorTopology topology, CloudExport export, TailSamplingSizing sizing, SamplerDiscoveryNames samplers, BearerTokenIngress? ingressAuth) =>
        topology.Tiers.ToDictionary(tier => tier.Name, tier => tier switch
        {
            { RoutesByTraceId: true } => CollectorConfigFactory.Router(samplers, tier.Size.MemoryMiB, ingressAuth),
            { ReceivesFromOutside: true } => CollectorConfigFactory.Single(export, settings.TailSampling, sizing, tier.Size.MemoryMiB, ingressAuth),
            _ => CollectorConfigFactory.Sampler(export, settings.TailSampling, sizing, tier.Size.MemoryMiB),
        }, StringComparer.Ordinal);
}
