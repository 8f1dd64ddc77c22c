using Infra.Collector;
using Infra.Components;
using Infra.Model;
using Infra.Settings;
using Infra.Tests.Evaluation;

namespace Infra.Tests;

/// <summary>The collector YAML as stored in SSM for each stack, parsed back and read key by key.</summary>
public class CollectorConfigTests
{
    private static Dictionary<string, object?> RunningConfig(string stack) =>
        YamlTree.ParseMap((string)TestSupport.Evaluate(stack).Resources["otel-collector-config"].Inputs["insecureValue"]!);

    private static Dictionary<string, object?> At(Dictionary<string, object?> node, string path) =>
        path.Split('.').Aggregate(node, (current, key) => (Dictionary<string, object?>)current[key]!);

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Otlp_receives_on_4317_and_4318_on_all_interfaces(string stack)
    {
        var protocols = At(RunningConfig(stack), "receivers.otlp.protocols");
        Assert.Equal("0.0.0.0:4317", At(protocols, "grpc")["endpoint"]);
        Assert.Equal("0.0.0.0:4318", At(protocols, "http")["endpoint"]);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Traces_pipeline_runs_memory_limiter_then_tail_sampling_then_batch_to_both_clouds(string stack)
    {
        var traces = At(RunningConfig(stack), "service.pipelines.traces");
        Assert.Equal(new List<object?> { "otlp" }, traces["receivers"]);
        Assert.Equal(new List<object?> { "memory_limiter", "tail_sampling", "batch" }, traces["processors"]);
        Assert.Equal(new List<object?> { "awsxray", "azuremonitor" }, traces["exporters"]);
        Assert.Equal(new List<object?> { "health_check" }, At(RunningConfig(stack), "service")["extensions"]);
    }

    [Fact]
    public void Tail_sampling_comes_from_each_stacks_settings()
    {
        var dev = At(RunningConfig("dev"), "processors.tail_sampling");
        var prod = At(RunningConfig("prod"), "processors.tail_sampling");

        Assert.Equal("10s", dev["decision_wait"]);
        Assert.Equal(20000L, dev["num_traces"]);
        Assert.Equal(50L, dev["expected_new_traces_per_sec"]);
        Assert.Equal("15s", prod["decision_wait"]);
        Assert.Equal(200000L, prod["num_traces"]);
        Assert.Equal(1000L, prod["expected_new_traces_per_sec"]);

        var policies = ((List<object?>)prod["policies"]!).Cast<Dictionary<string, object?>>().ToList();
        Assert.Equal(["status_code", "latency", "probabilistic"], policies.Select(p => (string)p["type"]!));
        Assert.Equal(new List<object?> { "ERROR" }, At(policies[0], "status_code")["status_codes"]);
        Assert.Equal(2000L, At(policies[1], "latency")["threshold_ms"]);
        Assert.Equal(5L, At(policies[2], "probabilistic")["sampling_percentage"]);
        Assert.Equal(50L, At(((List<object?>)dev["policies"]!).Cast<Dictionary<string, object?>>().ToList()[2], "probabilistic")["sampling_percentage"]);
    }

    [Fact]
    public void Exporters_send_to_xray_in_the_stack_region_and_to_azure_monitor_with_a_queue()
    {
        var exporters = At(RunningConfig("prod"), "exporters");
        Assert.Equal("eu-west-1", At(exporters, "awsxray")["region"]);
        Assert.Equal(3L, At(exporters, "awsxray")["max_retries"]);
        var queue = At(exporters, "azuremonitor.sending_queue");
        Assert.Equal(true, queue["enabled"]);
        Assert.Equal(1000L, queue["queue_size"]);
    }

    [Fact]
    public void Azure_monitor_takes_its_credential_from_the_environment_only()
    {
        var azureMonitor = At(RunningConfig("prod"), "exporters.azuremonitor");
        Assert.False(azureMonitor.ContainsKey("connection_string"));
        Assert.False(azureMonitor.ContainsKey("instrumentation_key"));
    }

    [Fact]
    public void Memory_limiter_and_health_check_are_set_for_a_container_behind_a_load_balancer()
    {
        var config = RunningConfig("dev");
        var limiter = At(config, "processors.memory_limiter");
        Assert.Equal("1s", limiter["check_interval"]);
        Assert.Equal(80L, limiter["limit_percentage"]);
        Assert.Equal(20L, limiter["spike_limit_percentage"]);
        Assert.Equal("0.0.0.0:13133", At(config, "extensions.health_check")["endpoint"]);
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
            ["/otel-multicloud/prod/azure-monitor-connection-string", "/otel-multicloud/prod/otel-collector-config", "/otel-multicloud/prod/otel-sampling-config"],
            names);
    }

    [Fact]
    public void Stored_collector_yaml_passes_the_validator()
    {
        foreach (var stack in TestSupport.StackNames)
        {
            var yaml = (string)TestSupport.Evaluate(stack).Resources["otel-collector-config"].Inputs["insecureValue"]!;
            Assert.Empty(CollectorConfigValidator.Validate(YamlTree.ParseMap(yaml)));
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
    public void Stack_whose_num_traces_is_too_small_fails_synthesis_with_exit_2()
    {
        var stackFile = TestSupport.DevStackWith(("otel-multicloud:numTraces", "\"1000\""), ("otel-multicloud:expectedNewTracesPerSec", "\"200\""));
        var directory = TestSupport.StackDirectoryWith("small", stackFile);
        var result = TestSupport.RunCli(["synth", "--stack", "small"], projectDirectory: directory);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(
            "error: The collector would reject this config:\n- processors::tail_sampling: num_traces 1000 is less than expected_new_traces_per_sec 200 x decision_wait 10s = 2000; traces would be evicted before their decision\n",
            result.Stderr);
    }
}
