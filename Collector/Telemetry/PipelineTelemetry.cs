using Infra.Settings.Topology;

namespace Infra.Collector.Telemetry;

/// <summary>
/// Adds self-telemetry to every tier and RED metrics where every span passes, the receiving tier: a tier that
/// also samples computes and exports them; a tier that routes computes them and forwards them to the sampling
/// tier, which holds the Azure credential and exports them to Azure.
/// </summary>
public sealed record PipelineTelemetry(string AwsRegion, string Namespace, string StackPrefix)
{
    public MetricsDestination DestinationOf(string tier) => new(AwsRegion, Namespace, MetricsDestination.LogGroupOf(StackPrefix, tier));

    public IReadOnlyDictionary<string, CollectorConfig> AddTo(
        IReadOnlyDictionary<string, CollectorConfig> configs, CollectorTopology topology, SamplerDiscoveryNames samplers, int cardinalityLimit)
    {
        var withRed = new Dictionary<string, CollectorConfig>(configs, StringComparer.Ordinal);
        var receivingTier = topology.Receiving.Name;
        if (topology.Routing is null)
        {
            withRed[receivingTier] = RedMetrics.ComputeAndExport(configs[receivingTier], cardinalityLimit);
        }
        else
        {
            var samplingTier = topology.Sampling.Name;
            withRed[receivingTier] = RedMetrics.ComputeAndForward(configs[receivingTier], cardinalityLimit, samplers);
            withRed[samplingTier] = RedMetrics.ExportForwarded(configs[samplingTier]);
        }
        return withRed.ToDictionary(tier => tier.Key, tier =>
        {
            // RED reaches CloudWatch from the tier that computes it, the receiving one.
            var computesRed = tier.Key == receivingTier;
            var exporter = DestinationOf(tier.Key).Exporter(
                [.. PipelineMetrics.SelfMetrics, .. computesRed ? PipelineMetrics.RedMetrics : []],
                computesRed ? RedMetrics.Descriptors : null);
            var config = SelfTelemetry.Add(tier.Value, tier.Key);
            return config with { Exporters = ConfigSections.With(config.Exporters, MetricsDestination.ExporterId, (object)exporter) };
        }, StringComparer.Ordinal);
    }
}
