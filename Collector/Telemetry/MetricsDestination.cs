using Infra.Collector.Components.Exporters;

namespace Infra.Collector.Telemetry;

/// <summary>
/// Where one tier's metrics go in CloudWatch: the stack's namespace and the tier's own log group
/// (created by Pulumi, so the task role needs no CreateLogGroup), through one awsemf exporter that
/// every metrics pipeline of the tier shares (many tasks may share its stream).
/// </summary>
public sealed record MetricsDestination(string AwsRegion, string Namespace, string LogGroupName)
{
    public const string ExporterId = AwsEmf.Type;
    public const string Stream = "otelcol";

    /// <summary>The metrics log group of a tier under the stack's prefix (the SSM parameter prefix).</summary>
    public static string LogGroupOf(string stackPrefix, string tier) => $"{stackPrefix}/{tier}/pipeline-metrics";

    /// <summary>
    /// An awsemf exporter that writes only the declared metric sets with only their declared dimensions:
    /// NoDimensionRollup, or awsemf adds rolled-up sets (and an OTelLib dimension) next to the declared ones.
    /// </summary>
    public AwsEmfExporter Exporter(IReadOnlyList<MetricSet> sets, IReadOnlyList<EmfMetricDescriptor>? descriptors) => new(
        Region: AwsRegion,
        Namespace: Namespace,
        LogGroupName: LogGroupName,
        LogStreamName: Stream,
        DimensionRollupOption: "NoDimensionRollup",
        // Counters scraped from a process that just started begin at zero: keep the first delta, or the
        // first burst of failures is lost. (RED points are deltas already; awsemf converts only cumulative sums.)
        RetainInitialValueOfDeltaMetric: true,
        MetricDeclarations: [.. sets.Select(set => new EmfMetricDeclaration(
            set.DimensionSets,
            set.NameSelectors,
            set.OnlyWhere is null ? null : [new EmfLabelMatcher([set.OnlyWhere.Label], $"^{System.Text.RegularExpressions.Regex.Escape(set.OnlyWhere.Value)}$")]))],
        MetricDescriptors: descriptors);
}
