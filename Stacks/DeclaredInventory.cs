using Infra.Collector;
using Infra.Collector.Telemetry;
using Infra.Components.Monitoring;
using Infra.Cost;
using Infra.Model;
using Infra.Model.Aws;

namespace Infra.Stacks;

/// <summary>What the stack declared that bills by count, read from the typed resources and the tiers' typed configs.</summary>
public static class DeclaredInventory
{
    public static StackInventory Of(PulumiProgram program, PipelineMonitoring monitoring, IReadOnlyDictionary<string, CollectorConfig> configByTier)
    {
        var resources = program.Resources.Select(entry => entry.Resource).ToList();
        return new StackInventory(
            LoadBalancers: resources.OfType<LoadBalancer>().Count(),
            Alarms: AlarmMetrics(monitoring),
            Dashboards: resources.OfType<Dashboard>().Count(),
            CustomMetrics: configByTier.Values.Sum(config => PipelineInventory.Of(config).SelfMetricSeries),
            AdvancedParameters: resources.OfType<SsmParameter>().Count(parameter => ((SsmParameterArgs)parameter.Args).Tier == "Advanced"));
    }

    /// <summary>CloudWatch bills an alarm per metric it reads: a metric-math alarm counts each metric of its expression.</summary>
    public static int AlarmMetrics(PipelineMonitoring monitoring) => monitoring.Alarms.Alarms
        .Select(alarm => (MetricAlarmArgs)alarm.Args)
        .Sum(alarm => alarm.MetricQueries is null ? 1 : alarm.MetricQueries.Count(query => query.Metric is not null));
}
