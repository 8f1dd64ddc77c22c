using Infra.Collector;
using Infra.Collector.Validation;
using Infra.Components;
using Infra.Model;
using Infra.Settings;
using Infra.Tests.Evaluation;

namespace Infra.Tests.Collector;

/// <summary>The collector YAML as stored in SSM for each stack, parsed back and read key by key.</summary>
public class CollectorConfigTests
{
    /// <summary>The config of the tasks that tail-sample and export: the single collector (dev) or the samplers (prod).</summary>
    private static Dictionary<string, object?> RunningConfig(string stack) =>
        TierConfig(stack, stack == "dev" ? "collector" : "sampler");

    private static Dictionary<string, object?> TierConfig(string stack, string tier) =>
        YamlTree.ParseMap((string)TestSupport.Evaluate(stack).Resources[$"{tier}-otel-config"].Inputs["insecureValue"]!);

    private static Dictionary<string, object?> At(Dictionary<string, object?> node, string path) =>
        path.Split('.').Aggregate(node, (current, key) => (Dictionary<string, object?>)current[key]!);

    [Theory]
    [InlineData("dev", "collector")]
    [InlineData("prod", "router")]
    public void The_tier_behind_the_load_balancer_receives_otlp_on_4317_and_4318_and_recycles_grpc_connections(string stack, string tier)
    {
        var protocols = At(TierConfig(stack, tier), "receivers.otlp.protocols");
        Assert.Equal("0.0.0.0:4317", At(protocols, "grpc")["endpoint"]);
        Assert.Equal("0.0.0.0:4318", At(protocols, "http")["endpoint"]);
        var keepalive = At(protocols, "grpc.keepalive.server_parameters");
        Assert.Equal("60s", keepalive["max_connection_age"]);
        Assert.Equal("10s", keepalive["max_connection_age_grace"]);
    }

    [Fact]
    public void Samplers_receive_otlp_grpc_only()
    {
        var protocols = At(TierConfig("prod", "sampler"), "receivers.otlp.protocols");
        Assert.Equal(["grpc"], protocols.Keys);
        Assert.Equal("0.0.0.0:4317", At(protocols, "grpc")["endpoint"]);
    }

    [Fact]
    public void Routers_route_every_trace_whole_to_a_sampler_found_in_cloud_map()
    {
        var router = TierConfig("prod", "router");
        var traces = At(router, "service.pipelines.traces");
        Assert.Equal(new List<object?> { "memory_limiter" }, traces["processors"]);
        Assert.Equal(new List<object?> { "load_balancing" }, traces["exporters"]);

        var exporter = At(router, "exporters.load_balancing");
        Assert.Equal("traceID", exporter["routing_key"]);
        Assert.Equal(true, At(exporter, "sending_queue")["enabled"]);
        var otlp = At(exporter, "protocol.otlp");
        Assert.Equal(true, At(otlp, "tls")["insecure"]);
        // Retried at the top level against the re-resolved ring, not per backend (FailoverTimings).
        Assert.Equal(false, At(otlp, "retry_on_failure")["enabled"]);
        Assert.Equal("2s", otlp["timeout"]);
        Assert.Equal(false, At(otlp, "sending_queue")["enabled"]);
        Assert.Equal(new Dictionary<string, object?> { ["enabled"] = true, ["initial_interval"] = "1s", ["max_interval"] = "5s", ["max_elapsed_time"] = "60s" }, At(exporter, "retry_on_failure"));
        Assert.Equal("10s", exporter["timeout"]);
        var resolver = At(exporter, "resolver");
        Assert.Equal(["aws_cloud_map"], resolver.Keys);
        Assert.Equal(
            new Dictionary<string, object?> { ["namespace"] = "prod.otel-multicloud.internal", ["service_name"] = "sampler", ["port"] = 4317L, ["health_status"] = "HEALTHY", ["interval"] = "5s", ["timeout"] = "2s" },
            At(resolver, "aws_cloud_map"));
        Assert.False(At(router, "processors").ContainsKey("tail_sampling"));
        Assert.False(At(router, "exporters").ContainsKey("azure_monitor"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Traces_pipeline_runs_memory_limiter_then_tail_sampling_then_batch_to_both_clouds(string stack)
    {
        var traces = At(RunningConfig(stack), "service.pipelines.traces");
        Assert.Equal(new List<object?> { "otlp" }, traces["receivers"]);
        Assert.Equal(new List<object?> { "memory_limiter", "tail_sampling", "batch" }, traces["processors"]);
        Assert.Equal(new List<object?> { "otlp_http/xray", "forward/azure" }, traces["exporters"]);
        // Azure gets the same sampled spans through its own pipeline, whose transform X-Ray never sees.
        var azure = At(RunningConfig(stack), "service.pipelines.traces/azure");
        Assert.Equal(new List<object?> { "forward/azure" }, azure["receivers"]);
        Assert.Equal(new List<object?> { "transform/azure_mapping" }, azure["processors"]);
        Assert.Equal(new List<object?> { "azure_monitor" }, azure["exporters"]);
        // The single collector also receives, so it authenticates; the samplers are reached only by the routers.
        Assert.Equal(stack == "dev" ? new List<object?> { "health_check", "bearertokenauth", "sigv4auth/xray", "file_storage/queues" } : new List<object?> { "health_check", "sigv4auth/xray", "file_storage/queues" }, At(RunningConfig(stack), "service")["extensions"]);
    }

    [Fact]
    public void Tail_sampling_comes_from_each_stacks_settings()
    {
        var dev = At(RunningConfig("dev"), "processors.tail_sampling");
        var prod = At(RunningConfig("prod"), "processors.tail_sampling");

        // num_traces per sampler task: traces/s / minimum samplers x decision wait x 2 (headroom).
        Assert.Equal("10s", dev["decision_wait"]);
        Assert.Equal(1000L, dev["num_traces"]);
        Assert.Equal(50L, dev["expected_new_traces_per_sec"]);
        Assert.Equal("15s", prod["decision_wait"]);
        Assert.Equal(15000L, prod["num_traces"]);
        Assert.Equal(500L, prod["expected_new_traces_per_sec"]);
        // Decisions are remembered for ten times the traces held.
        Assert.Equal(new Dictionary<string, object?> { ["sampled_cache_size"] = 150000L, ["non_sampled_cache_size"] = 150000L }, At(prod, "decision_cache"));

        var policies = ((List<object?>)prod["policies"]!).Cast<Dictionary<string, object?>>().ToList();
        Assert.Equal(["status_code", "latency", "probabilistic", "boolean_attribute"], policies.Select(p => (string)p["type"]!));
        Assert.Equal(new List<object?> { "ERROR" }, At(policies[0], "status_code")["status_codes"]);
        Assert.Equal(2000L, At(policies[1], "latency")["threshold_ms"]);
        Assert.Equal(5L, At(policies[2], "probabilistic")["sampling_percentage"]);
        Assert.Equal(50L, At(((List<object?>)dev["policies"]!).Cast<Dictionary<string, object?>>().ToList()[2], "probabilistic")["sampling_percentage"]);
    }

    [Fact]
    public void Exporters_send_to_the_xray_otlp_endpoint_signed_with_sigv4_and_to_azure_monitor_with_a_queue()
    {
        var config = RunningConfig("prod");
        var exporters = At(config, "exporters");
        var xray = At(exporters, "otlp_http/xray");
        Assert.Equal("https://xray.eu-west-1.amazonaws.com/v1/traces", xray["traces_endpoint"]);
        Assert.Equal("gzip", xray["compression"]);
        Assert.Equal("sigv4auth/xray", At(xray, "auth")["authenticator"]);
        Assert.Equal(true, At(xray, "sending_queue")["enabled"]);
        Assert.Equal(true, At(xray, "retry_on_failure")["enabled"]);
        Assert.Equal(new Dictionary<string, object?> { ["region"] = "eu-west-1", ["service"] = "xray" }, At(config, "extensions.sigv4auth/xray"));
        Assert.False(exporters.ContainsKey("awsxray"));
        var queue = At(exporters, "azure_monitor.sending_queue");
        Assert.Equal(true, queue["enabled"]);
        // Sized for prod's 30-minute ride-through: kept spans per task / 512 per batch x 1,800 s, and persisted.
        Assert.Equal((long)Infra.Capacity.StackCapacity.RideThroughOf(Infra.Stacks.Synthesizer.ReadChecked("prod", Infra.Settings.StackConfigLoader.FromStackFile(TestSupport.RepoRoot, "prod"))).QueueSizeBatches, queue["queue_size"]);
        Assert.Equal(1104L, queue["queue_size"]);
        Assert.Equal("file_storage/queues", queue["storage"]);
    }

    [Fact]
    public void Azure_monitor_takes_its_credential_from_the_environment_only()
    {
        var azureMonitor = At(RunningConfig("prod"), "exporters.azure_monitor");
        Assert.False(azureMonitor.ContainsKey("connection_string"));
        Assert.False(azureMonitor.ContainsKey("instrumentation_key"));
    }

    [Fact]
    public void Memory_limiter_and_health_check_are_set_for_a_container_behind_a_load_balancer()
    {
        var config = RunningConfig("dev");
        var limiter = At(config, "processors.memory_limiter");
        // Explicit MiB from the task memory (1024): 80% hard limit, spike allowance 20% of that.
        Assert.Equal("1s", limiter["check_interval"]);
        Assert.Equal(819L, limiter["limit_mib"]);
        Assert.Equal(163L, limiter["spike_limit_mib"]);
        Assert.Equal("0.0.0.0:13133", At(config, "extensions.health_check")["endpoint"]);
        Assert.Equal(3276L, At(TierConfig("prod", "sampler"), "processors.memory_limiter")["limit_mib"]);
        Assert.Equal(819L, At(TierConfig("prod", "router"), "processors.memory_limiter")["limit_mib"]);
    }

    [Fact]
    public void Sampling_parameter_holds_the_same_block_as_the_running_config()
    {
        var program = TestSupport.Evaluate("prod");
        var sampling = YamlTree.ParseMap((string)program.Resources["otel-sampling-config"].Inputs["insecureValue"]!);

        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(At(RunningConfig("prod"), "processors.tail_sampling")),
            System.Text.Json.JsonSerializer.Serialize(At(sampling, "processors.tail_sampling")));
        Assert.Single(At(sampling, "processors"));
    }

    [Fact]
    public void Parameters_live_under_the_project_and_stack_prefix()
    {
        var names = TestSupport.Evaluate("prod").OfType("aws:ssm:Parameter").Select(p => (string)p.Inputs["name"]!).Order().ToList();
        Assert.Equal(
            [
                "/otel-multicloud/prod/azure-monitor-connection-string", "/otel-multicloud/prod/ingress-token", "/otel-multicloud/prod/ingress-token-next", "/otel-multicloud/prod/ingress-token-previous",
                "/otel-multicloud/prod/otel-sampling-config", "/otel-multicloud/prod/otlp-headers", "/otel-multicloud/prod/router/otel-collector-config", "/otel-multicloud/prod/sampler/otel-collector-config",
            ],
            names);
    }

    [Fact]
    public void Stored_collector_yaml_passes_the_validator()
    {
        foreach (var stack in TestSupport.StackNames)
        {
            var configs = TestSupport.Evaluate(stack).OfType("aws:ssm:Parameter").Where(p => ((string)p.Inputs["name"]!).EndsWith("/otel-collector-config", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(configs);
            Assert.All(configs, config => Assert.Empty(CollectorConfigValidator.Validate(YamlTree.ParseMap((string)config.Inputs["insecureValue"]!))));
        }
    }

    [Fact]
    public void Image_is_the_pinned_contrib_distribution()
    {
        Assert.Matches(@"^otel/opentelemetry-collector-contrib:\d+\.\d+\.\d+$", CollectorDistribution.Image);
    }

    [Theory]
    [InlineData(4096, "Standard")]
    [InlineData(4097, "Advanced")]
    [InlineData(8192, "Advanced")]
    public void Parameter_tier_follows_the_rendered_size(int bytes, string tier)
    {
        Assert.Equal(tier, CollectorParameters.TierFor("p", new string('x', bytes)));
    }

    [Fact]
    public void Parameter_beyond_the_advanced_limit_fails_clearly()
    {
        var error = Assert.Throws<UserError>(() => CollectorParameters.TierFor("otel-collector-config", new string('x', 8193)));
        Assert.Equal("SSM parameter otel-collector-config would hold 8193 bytes; SSM parameters hold at most 8192 (Advanced tier). Trim the collector config.", error.Message);
    }

    [Fact]
    public void Segments_mode_exports_with_the_awsxray_exporter_and_no_sigv4()
    {
        var directory = TestSupport.StackDirectoryWith("segments", TestSupport.DevStackWith(("otel-multicloud:xrayExport", "segments")));
        var result = TestSupport.RunCli(["synth", "--stack", "segments", "--flat"], projectDirectory: directory);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var program = new ProgramEvaluator(FakeCloud.Create().Object).Evaluate(result.Stdout);
        var config = YamlTree.ParseMap((string)program.Resources["collector-otel-config"].Inputs["insecureValue"]!);

        Assert.Equal(new Dictionary<string, object?> { ["region"] = "eu-west-1", ["max_retries"] = 3L }, At(config, "exporters.awsxray"));
        Assert.False(At(config, "exporters").ContainsKey("otlp_http/xray"));
        Assert.False(At(config, "extensions").ContainsKey("sigv4auth/xray"));
        Assert.Equal(new List<object?> { "awsxray", "forward/azure" }, At(config, "service.pipelines.traces")["exporters"]);
        Assert.Empty(CollectorConfigValidator.Validate(config));
    }

    [Fact]
    public void The_azure_bound_transform_renders_each_statement_with_its_conditions()
    {
        var transform = At(RunningConfig("prod"), "processors.transform/azure_mapping");
        Assert.Equal("ignore", transform["error_mode"]);
        var group = Assert.Single((List<object?>)transform["trace_statements"]!) as Dictionary<string, object?>;
        Assert.Equal("span", group!["context"]);
        var statements = ((List<object?>)group["statements"]!).Cast<string>().ToList();
        Assert.Equal(AzureMapping.Statements.Select(s => s.Ottl), statements);
        Assert.Contains("set(attributes[\"http.request.method\"], attributes[\"http.method\"]) where attributes[\"http.request.method\"] == nil", statements);
        Assert.Contains("set(attributes[\"client.address\"], attributes[\"server.address\"]) where (kind == SPAN_KIND_CLIENT or kind == SPAN_KIND_PRODUCER) and attributes[\"client.address\"] == nil and attributes[\"url.full\"] == nil", statements);
        Assert.Equal("set(attributes[\"http.route\"], URL(attributes[\"url.full\"])[\"url.path\"]) where kind == SPAN_KIND_CLIENT and attributes[\"http.route\"] == nil and attributes[\"url.full\"] != nil", statements[^1]);
    }
}
