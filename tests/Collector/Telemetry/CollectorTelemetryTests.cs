using Infra.Collector;
using Infra.Collector.Telemetry;
using Infra.Collector.Validation;
using Infra.Model;
using static Infra.Tests.Components.Monitoring.TelemetryTestSupport;

namespace Infra.Tests.Collector.Telemetry;

/// <summary>What the running collector configs hold for self-telemetry and RED metrics, read from the rendered YAML.</summary>
public class CollectorTelemetryTests
{
    public static TheoryData<string, string> StackTiers => new() { { "dev", "collector" }, { "prod", "router" }, { "prod", "sampler" } };

    [Theory]
    [MemberData(nameof(StackTiers))]
    public void Every_tier_exposes_its_own_metrics_on_localhost_and_scrapes_them_labelled_with_the_tier(string stack, string tier)
    {
        var config = Config(stack, tier);
        var metrics = At(config, "service.telemetry.metrics");
        Assert.Equal("normal", metrics["level"]);
        var prometheus = At(Assert.IsType<Dictionary<string, object?>>(Assert.Single((List<object?>)metrics["readers"]!)), "pull.exporter.prometheus");
        Assert.Equal(
            new Dictionary<string, object?> { ["host"] = "localhost", ["port"] = 8888L, ["without_scope_info"] = true, ["without_units"] = true, ["without_type_suffix"] = true },
            prometheus);

        var job = Assert.IsType<Dictionary<string, object?>>(Assert.Single((List<object?>)At(config, "receivers.prometheus/self.config")["scrape_configs"]!));
        Assert.Equal("60s", job["scrape_interval"]);
        var targets = Assert.IsType<Dictionary<string, object?>>(Assert.Single((List<object?>)job["static_configs"]!));
        // The scrape reaches exactly the endpoint the telemetry section opens.
        Assert.Equal([$"{prometheus["host"]}:{prometheus["port"]}"], Strings(targets, "targets"));
        Assert.Equal(new Dictionary<string, object?> { ["tier"] = tier }, At(targets, "labels"));

        var pipeline = At(config, "service.pipelines.metrics/self");
        Assert.Equal(["prometheus/self"], Strings(pipeline, "receivers"));
        Assert.Equal(["awsemf"], Strings(pipeline, "exporters"));
    }

    [Theory]
    [MemberData(nameof(StackTiers))]
    public void Self_metrics_go_to_the_tiers_own_log_group_with_only_the_declared_dimensions(string stack, string tier)
    {
        var emf = At(Config(stack, tier), "exporters.awsemf");
        Assert.Equal("eu-west-1", emf["region"]);
        Assert.Equal($"otel-multicloud/{stack}", emf["namespace"]);
        Assert.Equal(Program(stack).Resources[$"{tier}-metrics-log-group"].Inputs["name"], emf["log_group_name"]);
        Assert.Equal("otelcol", emf["log_stream_name"]);
        // Without NoDimensionRollup awsemf adds rolled-up sets (and OTelLib) next to the declared ones.
        Assert.Equal("NoDimensionRollup", emf["dimension_rollup_option"]);
        Assert.Equal(true, emf["retain_initial_value_of_delta_metric"]);

        var declared = DeclaredMetrics(Config(stack, tier), PipelineMetrics.SelfMetrics.SelectMany(set => set.Metrics));
        foreach (var set in PipelineMetrics.SelfMetrics)
        {
            foreach (var metric in set.Metrics)
            {
                Assert.Equal(set.DimensionSets.Select(d => d.ToHashSet()), declared[metric], HashSet<string>.CreateSetComparer());
            }
        }
        Assert.Contains(PipelineMetrics.ExporterSendFailedSpans, declared.Keys);
        Assert.Contains(PipelineMetrics.MemoryLimiterRefusedSpans, declared.Keys);
        Assert.Contains(PipelineMetrics.TracesDroppedTooEarly, declared.Keys);
        Assert.Contains(PipelineMetrics.ExporterQueueSize, declared.Keys);
    }

    [Theory]
    [MemberData(nameof(StackTiers))]
    public void Every_rendered_config_passes_the_validator(string stack, string tier) =>
        Assert.Empty(CollectorConfigValidator.Validate(Config(stack, tier)));

    /// <summary>
    /// The connector must see every span: the pipelines that feed it take data straight from a real
    /// receiver and run no sampling, and they take it from the same receivers as the sampled path.
    /// </summary>
    [Theory]
    [InlineData("dev", "collector")]
    [InlineData("prod", "router")]
    public void Span_metrics_are_computed_before_any_sampling(string stack, string tier)
    {
        var config = Config(stack, tier);
        var connectors = At(config, "connectors").Keys.ToHashSet();
        var pipelines = At(config, "service.pipelines").ToDictionary(p => p.Key, p => (Dictionary<string, object?>)p.Value!);

        var feeding = pipelines.Where(p => Strings(p.Value, "exporters").Contains(RedMetrics.ConnectorId)).ToList();
        var (id, pipeline) = Assert.Single(feeding);
        Assert.StartsWith("traces", id);
        Assert.DoesNotContain("tail_sampling", Strings(pipeline, "processors"));
        Assert.Equal(["memory_limiter"], Strings(pipeline, "processors"));
        Assert.All(Strings(pipeline, "receivers"), receiver => Assert.DoesNotContain(receiver, connectors));
        Assert.Equal(Strings(pipelines["traces"], "receivers"), Strings(pipeline, "receivers"));

        // And the metrics it emits leave through pipelines that sample nothing either.
        var fed = Assert.Single(pipelines, p => Strings(p.Value, "receivers").Contains(RedMetrics.ConnectorId));
        Assert.StartsWith("metrics", fed.Key);
        Assert.Empty(Strings(fed.Value, "processors"));
    }

    [Fact]
    public void Samplers_compute_no_red_metrics_and_sample_only_traces()
    {
        var sampler = Config("prod", "sampler");
        Assert.False(At(sampler, "connectors").ContainsKey(RedMetrics.ConnectorId));
        Assert.All(At(sampler, "service.pipelines").Where(p => Strings((Dictionary<string, object?>)p.Value!, "processors").Contains("tail_sampling")),
            p => Assert.StartsWith("traces", p.Key));
    }

    [Theory]
    [InlineData("dev", "collector", 1000L)]
    [InlineData("prod", "router", 5000L)]
    public void Red_metrics_are_deltas_with_exponential_histograms_and_a_cardinality_limit_from_the_stack(string stack, string tier, long limit)
    {
        var connector = At(Config(stack, tier), "connectors.span_metrics");
        Assert.Equal("AGGREGATION_TEMPORALITY_DELTA", connector["aggregation_temporality"]);
        Assert.Equal(new Dictionary<string, object?> { ["unit"] = "ms", ["exponential"] = new Dictionary<string, object?> { ["max_size"] = 160L } }, At(connector, "histogram"));
        Assert.Equal(limit, connector["aggregation_cardinality_limit"]);
        Assert.Equal("60s", connector["metrics_flush_interval"]);
        Assert.False(connector.ContainsKey("dimensions"));
    }

    [Theory]
    [InlineData("dev", "collector")]
    [InlineData("prod", "router")]
    public void Red_metrics_reach_cloudwatch_by_service_and_status_for_server_spans_only(string stack, string tier)
    {
        var config = Config(stack, tier);
        Assert.Contains("awsemf", Strings(At(config, "service.pipelines.metrics/red"), "exporters"));
        var emf = At(config, "exporters.awsemf");
        Assert.Equal(Program(stack).Resources[$"{tier}-metrics-log-group"].Inputs["name"], emf["log_group_name"]);
        Assert.Equal("NoDimensionRollup", emf["dimension_rollup_option"]);

        var declared = DeclaredMetrics(config, [PipelineMetrics.Calls, PipelineMetrics.Duration]);
        Assert.Equal([new HashSet<string> { "service.name" }, new HashSet<string> { "service.name", "status.code" }], declared[PipelineMetrics.Calls], HashSet<string>.CreateSetComparer());
        Assert.Equal([new HashSet<string> { "service.name" }], declared[PipelineMetrics.Duration], HashSet<string>.CreateSetComparer());
        var red = ((List<object?>)emf["metric_declarations"]!).Cast<Dictionary<string, object?>>()
            .Where(d => Strings(d, "metric_name_selectors").Any(selector => selector.StartsWith("^traces", StringComparison.Ordinal))).ToList();
        Assert.Equal(2, red.Count);
        foreach (var declaration in red)
        {
            var matcher = Assert.IsType<Dictionary<string, object?>>(Assert.Single((List<object?>)declaration["label_matchers"]!));
            Assert.Equal(["span.kind"], Strings(matcher, "label_names"));
            Assert.Equal("^SPAN_KIND_SERVER$", matcher["regex"]);
        }
        var descriptor = Assert.IsType<Dictionary<string, object?>>(Assert.Single((List<object?>)emf["metric_descriptors"]!));
        Assert.Equal(new Dictionary<string, object?> { ["metric_name"] = "traces.span.metrics.calls", ["unit"] = "Count", ["overwrite"] = true }, descriptor);

        // The samplers compute no RED, so their exporter declares none.
        Assert.Empty(DeclaredMetrics(Config("prod", "sampler"), [PipelineMetrics.Calls, PipelineMetrics.Duration]));
    }

    /// <summary>Alarms and the cost count read the inventory; a hand-written config may name its exporter by the deprecated alias.</summary>
    [Fact]
    public void The_inventory_knows_the_azure_exporter_by_its_deprecated_alias_too()
    {
        var yaml = (string)Program("prod").Resources["sampler-otel-config"].Inputs["insecureValue"]!;
        Assert.Contains("  azure_monitor:\n", yaml);
        var canonical = PipelineInventory.Of(YamlTree.ParseMap(yaml));
        var aliased = PipelineInventory.Of(YamlTree.ParseMap(yaml.Replace("azure_monitor", "azuremonitor", StringComparison.Ordinal)));

        Assert.Equal(["azure_monitor"], canonical.AzureExporters);
        Assert.Equal(["azuremonitor"], aliased.AzureExporters);
        Assert.Contains("azuremonitor", aliased.QueuedTraceExporters);
        Assert.Equal(canonical.SelfMetricSeries, aliased.SelfMetricSeries);
    }

    [Fact]
    public void The_single_collector_sends_red_metrics_to_cloudwatch_and_azure_itself()
    {
        Assert.Equal(["awsemf", "azure_monitor"], Strings(At(Config("dev", "collector"), "service.pipelines.metrics/red"), "exporters"));
    }

    [Fact]
    public void Routers_forward_red_metrics_to_the_samplers_which_alone_send_them_to_azure()
    {
        var router = Config("prod", "router");
        Assert.Equal(["awsemf", "otlp_grpc/red"], Strings(At(router, "service.pipelines.metrics/red"), "exporters"));
        var forward = At(router, "exporters.otlp_grpc/red");
        Assert.Equal("dns:///sampler.prod.otel-multicloud.internal:4317", forward["endpoint"]);
        Assert.Equal(new Dictionary<string, object?> { ["insecure"] = true }, At(forward, "tls"));
        Assert.False(forward.ContainsKey("auth"));
        Assert.False(At(router, "exporters").ContainsKey("azure_monitor"));

        var sampler = Config("prod", "sampler");
        var red = At(sampler, "service.pipelines.metrics/red");
        // The samplers' OTLP receiver: reached only by the routers, with no token.
        Assert.Equal(["otlp"], Strings(red, "receivers"));
        Assert.False(At(sampler, "receivers.otlp.protocols.grpc").ContainsKey("auth"));
        Assert.Equal(["memory_limiter"], Strings(red, "processors"));
        Assert.Equal(["azure_monitor"], Strings(red, "exporters"));
    }
}
