using System.Text.RegularExpressions;
using Infra.Collector.Telemetry;
using Infra.Model;
using Infra.Model.Aws;
using Infra.Settings;
using Infra.Components.Azure;

using Infra.Components.Runtime;

namespace Infra.Components.Monitoring;

public sealed record PipelineAlarmsArgs(
    string NamePrefix,
    string Namespace,
    MonitoringSettings Monitoring,
    EcsCluster Cluster,
    IReadOnlyList<WatchedTier> Tiers,
    CollectorLoadBalancer LoadBalancer,
    string AzureSilenceAlertName,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The stack's key: the topic is encrypted with it (its policy lets CloudWatch alarms publish).</summary>
    public Input<string>? KeyArn { get; init; }

    /// <summary>The stack name, the dimension the verify tool publishes its canary metric under.</summary>
    public string Stack { get; init; } = "";
}

/// <summary>
/// One CloudWatch alarm per condition and component, each notifying an SNS topic that emails the
/// stack's recipients on alarm and on recovery. Data-loss alarms fire on one bad period; saturation
/// alarms only when every evaluated period is bad.
/// </summary>
public sealed partial class PipelineAlarms
{
    public const string ComponentName = "pipeline-alarms";

    /// <summary>Where the README explains each alarm and what to do about it.</summary>
    public const string ReadmeSection = "README, \"Watching the pipeline\"";

    public const string AzureReadmeSection = "README, Troubleshooting, \"401 or 403 from Azure Monitor\"";

    private readonly PulumiProgram _program;
    private readonly PipelineAlarmsArgs _args;
    private readonly List<MetricAlarm> _alarms = [];

    public PipelineAlarms(PulumiProgram program, PipelineAlarmsArgs args)
    {
        _program = program;
        _args = args;
        Topic = program.Add(ComponentName, new SnsTopic("pipeline-alarms-topic", new SnsTopicArgs
        {
            // The stack's key, not the AWS-managed SNS key, which CloudWatch cannot use to publish.
            Name = $"{args.NamePrefix}-pipeline-alarms",
            KmsMasterKeyId = args.KeyArn,
            DisplayName = $"{args.NamePrefix} pipeline",
            Tags = args.Tags,
        }));
        program.ExposeForRepeated(Topic.Arn);
        for (var i = 0; i < args.Monitoring.AlarmEmails.Count; i++)
        {
            program.AddRepeated("alarm-email-subscription", new SnsTopicSubscription($"alarm-email-{i + 1}", new SnsTopicSubscriptionArgs
            {
                Topic = Topic.Arn,
                Protocol = "email",
                Endpoint = args.Monitoring.AlarmEmails[i],
            }));
        }

        foreach (var tier in args.Tiers)
        {
            TierAlarms(tier);
        }
        for (var i = 0; i < args.LoadBalancer.TargetGroups.Count; i++)
        {
            UnhealthyTargets(args.LoadBalancer.TargetGroups[i].Group, args.LoadBalancer.TargetGroups[i].Port);
        }
        CanaryNotSeen();
        Alarms = _alarms;
    }

    public SnsTopic Topic { get; }

    public IReadOnlyList<MetricAlarm> Alarms { get; }

    private MonitoringSettings Monitoring => _args.Monitoring;

    /// <summary>
    /// The alarms a tier's deployment watches: spans its exporters lose and spans its memory limiters refuse. Names, not
    /// resources: ECS reads them by name, and the alarms read the services' names, so neither can wait for the other.
    /// </summary>
    public static IReadOnlyList<string> DeploymentAlarmNames(string namePrefix, string tier, PipelineInventory inventory) =>
    [
        .. inventory.TraceExporters.Select(exporter => $"{namePrefix}-{ExportFailuresName(tier, exporter)}"),
        .. inventory.MemoryLimiters.Select(limiter => $"{namePrefix}-{RefusedSpansName(tier, limiter)}"),
    ];

    private static string ExportFailuresName(string tier, string exporter) => $"{tier}-export-failures-{Slug(exporter)}";

    private static string RefusedSpansName(string tier, string limiter) => $"{tier}-refused-spans-{Slug(limiter)}";

    private void TierAlarms(WatchedTier watched)
    {
        var tier = watched.Tier;
        var inventory = watched.Inventory;
        foreach (var exporter in inventory.TraceExporters)
        {
            ExportFailures(tier, exporter, azure: inventory.AzureExporters.Contains(exporter));
        }
        foreach (var limiter in inventory.MemoryLimiters)
        {
            DataLoss(RefusedSpansName(tier, limiter), PipelineMetrics.MemoryLimiterRefusedSpans, tier,
                new() { [PipelineMetrics.Processor] = limiter }, Monitoring.RefusedSpansThreshold,
                $"{limiter} on the {tier} tier refused more than {Monitoring.RefusedSpansThreshold} spans in a period: the tasks are near their memory limit and senders get errors. Give the tier more memory or tasks; see {ReadmeSection}.");
        }
        if (inventory.TailSamples)
        {
            DataLoss($"{tier}-traces-dropped-too-early", PipelineMetrics.TracesDroppedTooEarly, tier,
                [], Monitoring.DroppedTracesThreshold,
                $"Tail sampling on the {tier} tier evicted more than {Monitoring.DroppedTracesThreshold} traces before deciding on them: num_traces is too small for the traffic. Raise expectedNewTracesPerSec (or numTraces) and the tier's memory; see {ReadmeSection}.");
        }
        foreach (var exporter in inventory.QueuedTraceExporters)
        {
            QueueNearCapacity(tier, exporter);
        }
        TasksBelowDesired(watched);
        Utilization(watched, "high-cpu", "CPUUtilization", Monitoring.CpuAlarmPercent, "CPU",
            "an autoscaled tier has reached its maximum tasks (the single topology never scales); raise the tier's maximum tasks or its task CPU");
        Utilization(watched, "high-memory", "MemoryUtilization", Monitoring.MemoryAlarmPercent, "memory",
            "memory_limiter refuses data from 64% of the task on, so refusals follow; raise the tier's task memory or its minimum tasks");
    }

    /// <summary>
    /// Spans an exporter lost: sends that failed plus spans its full queue refused (both series exist only
    /// after the first loss; FILL makes one missing series count as zero next to the other).
    /// </summary>
    private void ExportFailures(string tier, string exporter, bool azure)
    {
        MetricAlarmQueryMetric Counter(string metric) => new()
        {
            Namespace = _args.Namespace,
            MetricName = metric,
            Dimensions = new Dictionary<string, Input<string>> { [PipelineMetrics.Tier] = tier, [PipelineMetrics.Exporter] = exporter },
            Stat = "Sum",
            Period = Monitoring.AlarmPeriodSeconds,
        };
        var threshold = Monitoring.ExportFailureThreshold;
        var description = azure
            ? $"The {tier} tier's {exporter} exporter lost more than {threshold} spans in a period (conversion failed or its queue was full). A 401/403 from Azure Monitor never counts here: the exporter hands spans to its channel and forgets them, so an expired or wrong connection string shows as the Azure alert '{_args.AzureSilenceAlertName}' (no spans arriving). Fix a 401/403: the task's {Collector.Components.Exporters.AzureMonitor.ConnectionStringVariable} must be this stack's connection string and local auth must stay enabled on the component; see {AzureReadmeSection}."
            : $"The {tier} tier's {exporter} exporter lost more than {threshold} spans in a period (sends failed or its queue was full). Read the {tier} tier's collector log for the error (permissions, throttling, an unreachable endpoint); see {ReadmeSection}.";
        var name = ExportFailuresName(tier, exporter);
        Add(name, Alarm(name, description, datapointsToAlarm: 1, treatMissingData: "notBreaching") with
        {
            MetricQueries =
            [
                new MetricAlarmQuery { Id = "failed", Metric = Counter(PipelineMetrics.ExporterSendFailedSpans), ReturnData = false },
                new MetricAlarmQuery { Id = "refused", Metric = Counter(PipelineMetrics.ExporterEnqueueFailedSpans), ReturnData = false },
                new MetricAlarmQuery { Id = "lost", Expression = "FILL(failed, 0) + FILL(refused, 0)", Label = "spans lost", ReturnData = true },
            ],
            Threshold = threshold,
        });
    }

    /// <summary>
    /// Counters that lose data. The series exists only after the first event (or, for traces dropped too
    /// early, whenever the collector runs): missing data means nothing was lost, so notBreaching. One bad
    /// period fires; it clears after a full window of good ones.
    /// </summary>
    private void DataLoss(string name, string metric, string tier, Dictionary<string, Input<string>> dimensions, int threshold, string description)
    {
        dimensions[PipelineMetrics.Tier] = tier;
        Add(name, Alarm(name, description, datapointsToAlarm: 1, treatMissingData: "notBreaching") with
        {
            Namespace = _args.Namespace,
            MetricName = metric,
            Dimensions = dimensions,
            Statistic = "Sum",
            Period = Monitoring.AlarmPeriodSeconds,
            Threshold = threshold,
        });
    }

    /// <summary>Queue fill in percent; gauges missing means no queue traffic (or no task: the task alarm covers that), so notBreaching.</summary>
    private void QueueNearCapacity(string tier, string exporter)
    {
        MetricAlarmQueryMetric Gauge(string metric) => new()
        {
            Namespace = _args.Namespace,
            MetricName = metric,
            Dimensions = new Dictionary<string, Input<string>>
            {
                [PipelineMetrics.Tier] = tier,
                [PipelineMetrics.Exporter] = exporter,
                [PipelineMetrics.DataType] = PipelineMetrics.TracesDataType,
            },
            Stat = "Maximum",
            Period = Monitoring.AlarmPeriodSeconds,
        };
        var description = $"The {tier} tier's {exporter} queue has been at least {Monitoring.QueueAlarmPercent}% full: the backend is slower than the traffic or refusing it, and a full queue drops spans. Check the exporter's errors and the backend's throttling; see {ReadmeSection}.";
        var name = $"{tier}-queue-near-capacity-{Slug(exporter)}";
        Add(name, Saturation(name, description) with
        {
            MetricQueries =
            [
                new MetricAlarmQuery { Id = "size", Metric = Gauge(PipelineMetrics.ExporterQueueSize), ReturnData = false },
                new MetricAlarmQuery { Id = "capacity", Metric = Gauge(PipelineMetrics.ExporterQueueCapacity), ReturnData = false },
                new MetricAlarmQuery { Id = "fill", Expression = "100 * size / capacity", Label = "queue fill (%)", ReturnData = true },
            ],
            Threshold = Monitoring.QueueAlarmPercent,
        });
    }

    /// <summary>
    /// Desired minus running tasks (Container Insights). Missing data is breaching: without it nothing
    /// shows the tasks run. Only a shortfall lasting longer than a deployment fires.
    /// </summary>
    private void TasksBelowDesired(WatchedTier watched)
    {
        MetricAlarmQueryMetric Count(string metric) => new()
        {
            Namespace = "ECS/ContainerInsights",
            MetricName = metric,
            Dimensions = ServiceDimensions(watched),
            Stat = "Average",
            Period = 60,
        };
        var description = $"The {watched.Tier} tier has run fewer tasks than desired for {Monitoring.TaskShortfallMinutes} minutes: tasks fail to start or keep stopping. Read the service's events and the stopped tasks' reasons (image pull, SSM parameters, memory); see {ReadmeSection}.";
        var name = $"{watched.Tier}-tasks-below-desired";
        Add(name, Alarm(name, description, datapointsToAlarm: Monitoring.TaskShortfallMinutes, treatMissingData: "breaching") with
        {
            MetricQueries =
            [
                new MetricAlarmQuery { Id = "desired", Metric = Count("DesiredTaskCount"), ReturnData = false },
                new MetricAlarmQuery { Id = "running", Metric = Count("RunningTaskCount"), ReturnData = false },
                new MetricAlarmQuery { Id = "shortfall", Expression = "desired - running", Label = "tasks missing", ReturnData = true },
            ],
            EvaluationPeriods = Monitoring.TaskShortfallMinutes,
        });
    }

    /// <summary>ECS reports no utilization without running tasks; that case is the task alarm's, so notBreaching.</summary>
    private void Utilization(WatchedTier watched, string name, string metric, int percent, string resource, string remedy)
    {
        var description = $"The {watched.Tier} tier's average {resource} has stayed above {percent}%: {remedy}; see {ReadmeSection}.";
        Add($"{watched.Tier}-{name}", Saturation($"{watched.Tier}-{name}", description) with
        {
            Namespace = "AWS/ECS",
            MetricName = metric,
            Dimensions = ServiceDimensions(watched),
            Statistic = "Average",
            Period = Monitoring.AlarmPeriodSeconds,
            Threshold = percent,
        });
    }

    /// <summary>AWS recommends the Minimum of UnHealthyHostCount across load balancer nodes; no data means no health checks ran (no targets: the task alarm), so notBreaching.</summary>
    private void UnhealthyTargets(TargetGroup group, int port)
    {
        var description = $"Targets behind the OTLP load balancer's port {port} fail the health check on 13133: the receiving tasks are starting, stuck or refusing. Check the receiving tier's log and that its security group admits the VPC on 13133; see {ReadmeSection}.";
        Add($"unhealthy-targets-{port}", Saturation($"unhealthy-targets-{port}", description) with
        {
            Namespace = "AWS/NetworkELB",
            MetricName = "UnHealthyHostCount",
            Dimensions = new Dictionary<string, Input<string>>
            {
                ["TargetGroup"] = group.ArnSuffix,
                ["LoadBalancer"] = _args.LoadBalancer.LoadBalancer.ArnSuffix,
            },
            Statistic = "Minimum",
            Period = Monitoring.AlarmPeriodSeconds,
        });
    }

    /// <summary>
    /// The verify canary's trace was not seen in both clouds for two hourly runs, or no run reported at all: missing data
    /// is breaching, since a canary that stopped running proves nothing.
    /// </summary>
    private void CanaryNotSeen()
    {
        const string name = "canary-trace-not-seen";
        var description = $"The verify canary has not found its trace whole in both X-Ray and Application Insights for {VerifyMetric.PeriodsToAlarm} hourly runs, or has not run: the cross-cloud path is broken (often Azure refusing the connection string, which no collector metric shows) or the canary workflow stopped. Run 'verify' by hand for the failing hop; see README, \"Verify a deployed stack\".";
        Add(name, Alarm(name, description, datapointsToAlarm: VerifyMetric.PeriodsToAlarm, treatMissingData: "breaching") with
        {
            Namespace = VerifyMetric.Namespace,
            MetricName = VerifyMetric.CrossCloudTraceSeen,
            Dimensions = new Dictionary<string, Input<string>> { [VerifyMetric.StackDimension] = _args.Stack },
            Statistic = "Minimum",
            Period = VerifyMetric.CanaryPeriodSeconds,
            EvaluationPeriods = VerifyMetric.PeriodsToAlarm,
            ComparisonOperator = "LessThanThreshold",
            Threshold = 1,
        });
    }

    /// <summary>Saturation: only when every evaluated period is bad; missing data (no tasks, no traffic) is not saturation.</summary>
    private MetricAlarmArgs Saturation(string name, string description) =>
        Alarm(name, description, datapointsToAlarm: Monitoring.AlarmEvaluationPeriods, treatMissingData: "notBreaching");

    /// <summary>Fires above the threshold (0 unless set), and tells the topic when it fires and when it recovers.</summary>
    private MetricAlarmArgs Alarm(string name, string description, int datapointsToAlarm, string treatMissingData) => new()
    {
        Name = $"{_args.NamePrefix}-{name}",
        AlarmDescription = description,
        ComparisonOperator = "GreaterThanThreshold",
        Threshold = 0,
        EvaluationPeriods = Monitoring.AlarmEvaluationPeriods,
        DatapointsToAlarm = datapointsToAlarm,
        TreatMissingData = treatMissingData,
        AlarmActions = [Topic.Arn],
        OkActions = [Topic.Arn],
        Tags = _args.Tags,
    };

    private Dictionary<string, Input<string>> ServiceDimensions(WatchedTier watched) => new()
    {
        ["ClusterName"] = _args.Cluster.ClusterName,
        ["ServiceName"] = watched.Service.ServiceName,
    };

    private void Add(string name, MetricAlarmArgs args) =>
        _alarms.Add(_program.Add(ComponentName, new MetricAlarm($"{name}-alarm", args)));

    /// <summary>An exporter id as a resource-name piece: <c>otlp_http/xray</c> becomes <c>otlp-http-xray</c>.</summary>
    private static string Slug(string id) => NotNamePart().Replace(id, "-");

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotNamePart();
}
