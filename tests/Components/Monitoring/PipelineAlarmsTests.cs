using Infra.Collector.Telemetry;
using Infra.Tests.Evaluation;
using static Infra.Tests.Components.Monitoring.TelemetryTestSupport;

namespace Infra.Tests.Components.Monitoring;

/// <summary>The CloudWatch alarms: one per condition and component, each telling the SNS topic, on metrics the configs emit.</summary>
public class PipelineAlarmsTests
{
    private static Dictionary<string, RegisteredResource> Alarms(string stack) =>
        Program(stack).OfType("aws:cloudwatch:MetricAlarm").ToDictionary(a => (string)a.Inputs["name"]!, StringComparer.Ordinal);

    private static string TopicArn(string stack) => (string)Program(stack).Single("aws:sns:Topic").State["arn"]!;

    [Fact]
    public void Prod_has_one_alarm_per_condition_and_component()
    {
        Assert.Equal(
        [
            "otel-prod-canary-trace-not-seen",
            "otel-prod-router-export-failures-load-balancing",
            "otel-prod-router-high-cpu",
            "otel-prod-router-high-memory",
            "otel-prod-router-queue-near-capacity-load-balancing",
            "otel-prod-router-refused-spans-memory-limiter",
            "otel-prod-router-tasks-below-desired",
            "otel-prod-sampler-export-failures-azure-monitor",
            "otel-prod-sampler-export-failures-otlp-http-xray",
            "otel-prod-sampler-high-cpu",
            "otel-prod-sampler-high-memory",
            "otel-prod-sampler-queue-near-capacity-azure-monitor",
            "otel-prod-sampler-queue-near-capacity-otlp-http-xray",
            "otel-prod-sampler-refused-spans-memory-limiter",
            "otel-prod-sampler-tasks-below-desired",
            "otel-prod-sampler-traces-dropped-too-early",
            "otel-prod-unhealthy-targets-4317",
            "otel-prod-unhealthy-targets-4318",
        ], Alarms("prod").Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Dev_watches_its_one_collector_the_same_way()
    {
        Assert.Equal(
        [
            "otel-dev-canary-trace-not-seen",
            "otel-dev-collector-export-failures-azure-monitor",
            "otel-dev-collector-export-failures-otlp-http-xray",
            "otel-dev-collector-high-cpu",
            "otel-dev-collector-high-memory",
            "otel-dev-collector-queue-near-capacity-azure-monitor",
            "otel-dev-collector-queue-near-capacity-otlp-http-xray",
            "otel-dev-collector-refused-spans-memory-limiter",
            "otel-dev-collector-tasks-below-desired",
            "otel-dev-collector-traces-dropped-too-early",
            "otel-dev-unhealthy-targets-4317",
            "otel-dev-unhealthy-targets-4318",
        ], Alarms("dev").Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Every_alarm_tells_the_topic_when_it_fires_and_when_it_clears(string stack)
    {
        Assert.All(Alarms(stack).Values, alarm =>
        {
            Assert.Equal(new List<object?> { TopicArn(stack) }, alarm.Inputs["alarmActions"]);
            Assert.Equal(new List<object?> { TopicArn(stack) }, alarm.Inputs["okActions"]);
            // Every alarm counts something bad above a threshold, but the canary's, which alarms when its "seen" falls below 1.
            Assert.Equal(alarm.Name == "canary-trace-not-seen-alarm" ? "LessThanThreshold" : "GreaterThanThreshold", alarm.Inputs["comparisonOperator"]);
        });
        var subscription = Program(stack).Single("aws:sns:TopicSubscription");
        Assert.Equal(TopicArn(stack), subscription.Inputs["topic"]);
        Assert.Equal("email", subscription.Inputs["protocol"]);
        Assert.Equal(stack == "dev" ? "otel-dev-alerts@example.com" : "otel-oncall@example.com", subscription.Inputs["endpoint"]);
    }

    private static IEnumerable<(string Namespace, string Metric, Dictionary<string, object?> Dimensions)> MetricsRead(RegisteredResource alarm) =>
        alarm.Inputs.ContainsKey("metricQueries")
            ? ((List<object?>)alarm.Inputs["metricQueries"]!).Cast<Dictionary<string, object?>>().Where(q => q.ContainsKey("metric")).Select(q => (Dictionary<string, object?>)q["metric"]!)
                .Select(m => ((string)m["namespace"]!, (string)m["metricName"]!, (Dictionary<string, object?>)m["dimensions"]!))
            : [((string)alarm.Inputs["namespace"]!, (string)alarm.Inputs["metricName"]!, (Dictionary<string, object?>)alarm.Inputs["dimensions"]!)];

    /// <summary>The exporter dimension of each export alarm is an exporter id of that tier's rendered traces pipelines: renames flow through.</summary>
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Export_alarms_watch_exactly_the_trace_exporters_each_tier_runs(string stack)
    {
        foreach (var tier in Tiers(stack))
        {
            var exporters = PipelineInventory.Of(Config(stack, tier)).TraceExporters;
            var watched = Alarms(stack).Values.SelectMany(MetricsRead)
                .Where(m => m.Metric == PipelineMetrics.ExporterSendFailedSpans && (string)m.Dimensions["tier"]! == tier)
                .Select(m => (string)m.Dimensions["exporter"]!);
            Assert.Equal(exporters.Order(), watched.Order());
        }
    }

    [Fact]
    public void An_export_alarm_counts_failed_sends_and_spans_a_full_queue_refused()
    {
        var alarm = Alarms("prod")["otel-prod-sampler-export-failures-azure-monitor"].Inputs;
        var queries = ((List<object?>)alarm["metricQueries"]!).Cast<Dictionary<string, object?>>().ToList();
        Assert.Equal(["failed", "refused", "lost"], queries.Select(q => (string)q["id"]!));
        Assert.Equal(
            [PipelineMetrics.ExporterSendFailedSpans, PipelineMetrics.ExporterEnqueueFailedSpans],
            queries.Take(2).Select(q => (string)((Dictionary<string, object?>)q["metric"]!)["metricName"]!));
        Assert.All(queries.Take(2), q =>
        {
            var metric = (Dictionary<string, object?>)q["metric"]!;
            Assert.Equal("Sum", metric["stat"]);
            Assert.Equal(60L, metric["period"]);
            Assert.Equal(new Dictionary<string, object?> { ["tier"] = "sampler", ["exporter"] = "azure_monitor" }, metric["dimensions"]);
            Assert.Equal(false, q["returnData"]);
        });
        Assert.Equal("FILL(failed, 0) + FILL(refused, 0)", queries[2]["expression"]);
        Assert.Equal(true, queries[2]["returnData"]);
    }

    /// <summary>Every self-metric an alarm reads is declared by that tier's awsemf exporter, with exactly the alarm's dimension names.</summary>
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Alarms_read_only_metrics_and_dimensions_the_configs_send(string stack)
    {
        var metricsRead = Alarms(stack).Values.SelectMany(MetricsRead).ToList();

        var own = metricsRead.Where(m => m.Item1 == $"otel-multicloud/{stack}").ToList();
        Assert.NotEmpty(own);
        foreach (var (_, metric, dimensions) in own)
        {
            var tier = (string)dimensions["tier"]!;
            var declared = DeclaredMetrics(Config(stack, tier), [metric]);
            Assert.Contains(dimensions.Keys.ToHashSet(), declared[metric], HashSet<string>.CreateSetComparer());
        }
        // The verify tool publishes its own namespace (Components/Monitoring/VerifyMetric, held to the tool by CanaryPolicyTests).
        Assert.Equal(["AWS/ECS", "AWS/NetworkELB", "ECS/ContainerInsights", "OtelMulticloud/Verify", $"otel-multicloud/{stack}"], metricsRead.Select(m => m.Item1).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_azure_export_alarm_says_a_401_or_403_never_shows_there_and_where_the_fix_is()
    {
        var description = (string)Alarms("prod")["otel-prod-sampler-export-failures-azure-monitor"].Inputs["alarmDescription"]!;
        Assert.Contains("A 401/403 from Azure Monitor never counts here", description);
        Assert.Contains("'otel-prod-no-spans'", description);
        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", description);
        Assert.Contains("README, Troubleshooting, \"401 or 403 from Azure Monitor\"", description);
        Assert.Contains("**401 or 403 from Azure Monitor**", File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "README.md")));
        Assert.True(description.Length <= 1024, "CloudWatch takes descriptions of at most 1024 characters.");
        Assert.All(Alarms("prod").Values, alarm => Assert.True(((string)alarm.Inputs["alarmDescription"]!).Length <= 1024));
    }

    [Theory]
    [InlineData("dev", 300L, 3L, 100L)]
    [InlineData("prod", 60L, 5L, 0L)]
    public void Data_loss_alarms_fire_on_one_bad_period_with_thresholds_from_the_stack(string stack, long period, long periods, long threshold)
    {
        var tier = Tiers(stack)[^1];
        foreach (var condition in new[] { "export-failures-azure-monitor", "refused-spans-memory-limiter", "traces-dropped-too-early" })
        {
            var alarm = Alarms(stack)[$"otel-{stack}-{tier}-{condition}"];
            Assert.All(MetricsRead(alarm), m => Assert.StartsWith("otelcol_", m.Metric));
            var inputs = alarm.Inputs;
            if (!inputs.ContainsKey("metricQueries"))
            {
                Assert.Equal("Sum", inputs["statistic"]);
                Assert.Equal(period, inputs["period"]);
            }
            Assert.Equal(periods, inputs["evaluationPeriods"]);
            Assert.Equal(1L, inputs["datapointsToAlarm"]);
            Assert.Equal(threshold, inputs["threshold"]);
            // These series exist only once something was lost: no data is good news.
            Assert.Equal("notBreaching", inputs["treatMissingData"]);
        }
    }

    [Fact]
    public void Saturation_alarms_need_every_period_bad()
    {
        var alarms = Alarms("prod");
        var cpu = alarms["otel-prod-router-high-cpu"].Inputs;
        Assert.Equal("AWS/ECS", cpu["namespace"]);
        Assert.Equal("CPUUtilization", cpu["metricName"]);
        Assert.Equal(80L, cpu["threshold"]);
        Assert.Equal(5L, cpu["datapointsToAlarm"]);
        Assert.Equal(
            new Dictionary<string, object?> { ["ClusterName"] = Prod.Resources["collector-cluster"].State["name"], ["ServiceName"] = Prod.Resources["router-service"].State["name"] },
            cpu["dimensions"]);
        Assert.Equal("MemoryUtilization", alarms["otel-prod-sampler-high-memory"].Inputs["metricName"]);
        Assert.Equal(90L, Alarms("dev")["otel-dev-collector-high-memory"].Inputs["threshold"]);

        var targets = alarms["otel-prod-unhealthy-targets-4317"].Inputs;
        Assert.Equal("UnHealthyHostCount", targets["metricName"]);
        Assert.Equal("Minimum", targets["statistic"]);
        Assert.Equal(
            new Dictionary<string, object?> { ["TargetGroup"] = Prod.Resources["grpc-targets"].State["arnSuffix"], ["LoadBalancer"] = Prod.Resources["load-balancer"].State["arnSuffix"] },
            targets["dimensions"]);
    }

    [Fact]
    public void The_queue_alarm_divides_size_by_capacity_of_the_traces_queue()
    {
        var alarm = Alarms("prod")["otel-prod-sampler-queue-near-capacity-azure-monitor"].Inputs;
        var queries = ((List<object?>)alarm["metricQueries"]!).Cast<Dictionary<string, object?>>().ToList();
        Assert.Equal(["size", "capacity", "fill"], queries.Select(q => (string)q["id"]!));
        Assert.Equal("100 * size / capacity", queries[2]["expression"]);
        Assert.Equal(true, queries[2]["returnData"]);
        var size = (Dictionary<string, object?>)queries[0]["metric"]!;
        Assert.Equal(PipelineMetrics.ExporterQueueSize, size["metricName"]);
        Assert.Equal(new Dictionary<string, object?> { ["tier"] = "sampler", ["exporter"] = "azure_monitor", ["data_type"] = "traces" }, size["dimensions"]);
        Assert.Equal(80L, alarm["threshold"]);
        Assert.False(alarm.ContainsKey("metricName"));
    }

    [Fact]
    public void Too_few_tasks_for_longer_than_a_deployment_alarms_and_no_data_counts_as_too_few()
    {
        var alarm = Alarms("prod")["otel-prod-sampler-tasks-below-desired"].Inputs;
        var queries = ((List<object?>)alarm["metricQueries"]!).Cast<Dictionary<string, object?>>().ToList();
        Assert.Equal("desired - running", queries[2]["expression"]);
        Assert.Equal(["DesiredTaskCount", "RunningTaskCount"], queries.Take(2).Select(q => (string)((Dictionary<string, object?>)q["metric"]!)["metricName"]!));
        Assert.All(queries.Take(2), q => Assert.Equal("ECS/ContainerInsights", ((Dictionary<string, object?>)q["metric"]!)["namespace"]));
        Assert.Equal(10L, alarm["evaluationPeriods"]);
        Assert.Equal(10L, alarm["datapointsToAlarm"]);
        Assert.Equal("breaching", alarm["treatMissingData"]);
        Assert.Equal(30L, Alarms("dev")["otel-dev-collector-tasks-below-desired"].Inputs["evaluationPeriods"]);
    }

    [Fact]
    public void A_threshold_setting_reaches_its_alarms()
    {
        var directory = TestSupport.StackDirectoryWith("test", TestSupport.DevStackWith(("otel-multicloud:exportFailureThreshold", "\"7\""), ("otel-multicloud:alarmEmails", """["a@example.com", "b@example.com"]""")));
        var result = TestSupport.RunCli(["synth", "--stack", "test", "--flat"], projectDirectory: directory);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var program = new ProgramEvaluator(FakeCloud.Create().Object).Evaluate(result.Stdout);
        var exportAlarms = program.OfType("aws:cloudwatch:MetricAlarm").Where(a => ((string)a.Inputs["name"]!).Contains("export-failures")).ToList();
        Assert.Equal(2, exportAlarms.Count);
        Assert.All(exportAlarms, a => Assert.Equal(7L, a.Inputs["threshold"]));
        Assert.Equal(["a@example.com", "b@example.com"], program.OfType("aws:sns:TopicSubscription").Select(s => (string)s.Inputs["endpoint"]!).Order());
    }

    [Fact]
    public void Cost_counts_each_metric_an_alarm_reads_and_the_self_metric_series()
    {
        var settings = Infra.Settings.StackSettingsReader.Read("prod", Infra.Settings.StackConfigLoader.FromStackFile(TestSupport.RepoRoot, "prod"));
        var stack = Infra.Stacks.ObservabilityStack.Build(settings);
        var program = stack.Program;
        // 18 alarms; 8 of them metric math over 2 metrics each (3 export, 3 queue, 2 task shortfall): 10 + 8 x 2.
        Assert.Equal(18, program.Resources.Count(r => r.Resource.Type == "aws:cloudwatch:MetricAlarm"));
        Assert.Equal(26, stack.Inventory.Alarms);
        // Router: 2 receiver + 3 load_balancing + 2 + 2 queue (traces, RED forwarding) + 1 limiter + 1 RSS = 11.
        // Sampler: 2 receiver + 6 (otlp_http/xray, azure_monitor) + 4 + 2 queue (both traces, azure_monitor metrics) + 1 + 1 + 4 tail sampling = 20.
        Assert.Equal(31, stack.Inventory.CustomMetrics);
    }
}
