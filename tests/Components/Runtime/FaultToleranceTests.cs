using System.Text.Json;
using Infra.Capacity;
using Infra.Collector;
using Infra.Model;
using Infra.Tests.Evaluation;

namespace Infra.Tests.Components.Runtime;

/// <summary>
/// What keeps spans through a failing part, as rendered for the checked-in stacks: persistent export queues on the
/// task's disk, a graceful stop, deployments that roll back on lost spans, a liveness signal for samplers, and an image
/// source that no rate limit can stop. Each README fault-table row names the test here that holds it.
/// </summary>
public class FaultToleranceTests
{
    private static readonly EvaluatedProgram Dev = TestSupport.Evaluate("dev");
    private static readonly EvaluatedProgram Prod = TestSupport.Evaluate("prod");

    private static JsonElement Containers(EvaluatedProgram program, string tier) =>
        JsonDocument.Parse((string)program.Resources[$"{tier}-task"].Inputs["containerDefinitions"]!).RootElement;

    private static JsonElement Container(EvaluatedProgram program, string tier, string name) =>
        Containers(program, tier).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static Dictionary<string, object?> Config(EvaluatedProgram program, string tier) =>
        YamlTree.ParseMap((string)program.Resources[$"{tier}-otel-config"].Inputs["insecureValue"]!
            + (program.Resources.TryGetValue($"{tier}-otel-config-2", out var second) ? (string)second.Inputs["insecureValue"]! : ""));

    private static Dictionary<string, object?> At(Dictionary<string, object?> node, string path) =>
        path.Split('.').Aggregate(node, (current, key) => (Dictionary<string, object?>)current[key]!);

    private static int RideThroughStorage(string stack) =>
        StackCapacity.RideThroughOf(Infra.Stacks.Synthesizer.ReadChecked(stack, Infra.Settings.StackConfigLoader.FromStackFile(TestSupport.RepoRoot, stack))).EphemeralStorageGiB;

    [Fact]
    public void Both_exporters_queue_on_the_tasks_disk_through_file_storage()
    {
        var config = Config(Prod, "sampler");
        Assert.Equal("file_storage/queues", At(config, "exporters.otlp_http/xray.sending_queue")["storage"]);
        Assert.Equal("file_storage/queues", At(config, "exporters.azure_monitor.sending_queue")["storage"]);
        var storage = At(config, "extensions.file_storage/queues");
        Assert.Equal("/var/lib/otelcol/file_storage", storage["directory"]);
        Assert.Equal("/var/lib/otelcol/file_storage", At(storage, "compaction")["directory"]);
        Assert.Contains("file_storage/queues", (List<object?>)At(config, "service")["extensions"]!);
        // Retried for as long as the outage to ride through (prod: 30 min), not the in-memory 300 s.
        Assert.Equal("1800s", At(config, "exporters.otlp_http/xray.retry_on_failure")["max_elapsed_time"]);
        Assert.False(At(Config(Prod, "router"), "extensions").ContainsKey("file_storage/queues"));
    }

    [Fact]
    public void The_queue_directory_is_a_task_volume_the_collector_writes_as_its_own_non_root_user_with_a_read_only_root()
    {
        var task = Prod.Resources["sampler-task"];
        Assert.Equal(new List<object?> { new Dictionary<string, object?> { ["name"] = "exporter-queues" } }, task.Inputs["volumes"]);
        Assert.Equal(new Dictionary<string, object?> { ["sizeInGib"] = (long)RideThroughStorage("prod") }, task.Inputs["ephemeralStorage"]);

        var collector = Container(Prod, "sampler", CollectorTier.ContainerName);
        Assert.True(collector.GetProperty("readonlyRootFilesystem").GetBoolean());
        Assert.Equal(CollectorTier.CollectorUser, collector.GetProperty("user").GetString());
        var mount = Assert.Single(collector.GetProperty("mountPoints").EnumerateArray());
        Assert.Equal(("exporter-queues", "/var/lib/otelcol/file_storage", false),
            (mount.GetProperty("sourceVolume").GetString(), mount.GetProperty("containerPath").GetString(), mount.GetProperty("readOnly").GetBoolean()));
        var dependency = Assert.Single(collector.GetProperty("dependsOn").EnumerateArray());
        Assert.Equal((QueueVolume.PreparerName, "SUCCESS"), (dependency.GetProperty("containerName").GetString(), dependency.GetProperty("condition").GetString()));

        var preparer = Container(Prod, "sampler", QueueVolume.PreparerName);
        Assert.False(preparer.GetProperty("essential").GetBoolean());
        Assert.Equal("0", preparer.GetProperty("user").GetString());
        Assert.Contains($"chown {CollectorTier.CollectorUser}:{CollectorTier.CollectorUser} /var/lib/otelcol/file_storage", preparer.GetProperty("command")[2].GetString());

        Assert.False(Prod.Resources["router-task"].Inputs.ContainsKey("ephemeralStorage"));
    }

    [Fact]
    public void A_ride_through_that_needs_more_than_200_gib_per_task_is_refused_naming_the_keys()
    {
        var error = TestSupport.RefusedVariant("prod", ("otel-multicloud:outageRideThroughMinutes", "\"1440\""), ("otel-multicloud:samplingPercentage", "\"100\""));

        Assert.StartsWith("error: Pulumi.prod.yaml: otel-multicloud:outageRideThroughMinutes = 1440 needs ", error);
        Assert.Contains("more than Fargate's 200 GiB", error);
        Assert.Contains("raise otel-multicloud:samplerMinTasks", error);
    }

    [Fact]
    public void Zero_minutes_keeps_the_queues_in_memory_with_no_volume()
    {
        var program = TestSupport.EvaluateVariant("dev", ("otel-multicloud:outageRideThroughMinutes", "\"0\""));

        Assert.False(program.Resources["collector-task"].Inputs.ContainsKey("volumes"));
        Assert.Single(Containers(program, "collector").EnumerateArray());
        Assert.False(At(Config(program, "collector"), "exporters.azure_monitor.sending_queue").ContainsKey("storage"));
    }

    [Theory]
    [InlineData("prod", "router", 62)]  // the top-level retry window (60 s) and one backend timeout (2 s)
    [InlineData("prod", "sampler", 30)] // decision wait 15 s + batch 5 s + final flush 10 s
    [InlineData("dev", "collector", 25)] // decision wait 10 s + 5 s + 10 s
    public void Each_tier_gets_the_stop_timeout_its_work_needs(string stack, string tier, int seconds)
    {
        var program = stack == "dev" ? Dev : Prod;

        Assert.Equal(seconds, Container(program, tier, CollectorTier.ContainerName).GetProperty("stopTimeout").GetInt32());
    }

    [Fact]
    public void The_stop_timeout_never_passes_fargates_120_seconds()
    {
        var program = TestSupport.EvaluateVariant("dev", ("otel-multicloud:decisionWaitSeconds", "\"120\""), ("otel-multicloud:numTraces", "\"\""));

        Assert.Equal(120, Container(program, "collector", CollectorTier.ContainerName).GetProperty("stopTimeout").GetInt32());
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Every_deployment_rolls_back_on_alarms_that_exist_in_the_program(string stack)
    {
        var program = stack == "dev" ? Dev : Prod;
        var alarmNames = program.OfType("aws:cloudwatch:MetricAlarm").Select(a => (string)a.Inputs["name"]!).ToHashSet();

        Assert.All(program.OfType("aws:ecs:Service"), service =>
        {
            var alarms = (Dictionary<string, object?>)service.Inputs["alarms"]!;
            Assert.Equal((true, true), ((bool)alarms["enable"]!, (bool)alarms["rollback"]!));
            var names = ((List<object?>)alarms["alarmNames"]!).Cast<string>().ToList();
            Assert.Contains(names, name => name.Contains("-export-failures-", StringComparison.Ordinal));
            Assert.Contains(names, name => name.Contains("-refused-spans-", StringComparison.Ordinal));
            Assert.All(names, name => Assert.Contains(name, alarmNames));
        });
    }

    [Fact]
    public void Samplers_have_a_liveness_sidecar_that_asks_the_health_port_and_tiers_behind_the_load_balancer_do_not()
    {
        var liveness = Container(Prod, "sampler", Liveness.ContainerName);
        Assert.True(liveness.GetProperty("essential").GetBoolean());
        var check = liveness.GetProperty("healthCheck");
        Assert.Equal("CMD-SHELL", check.GetProperty("command")[0].GetString());
        Assert.Contains($"http://127.0.0.1:{CollectorConfigFactory.HealthCheckPort}/", check.GetProperty("command")[1].GetString());
        Assert.Equal(3, check.GetProperty("retries").GetInt32());

        Assert.DoesNotContain(Containers(Prod, "router").EnumerateArray(), c => c.GetProperty("name").GetString() == Liveness.ContainerName);
        Assert.DoesNotContain(Containers(Dev, "collector").EnumerateArray(), c => c.GetProperty("name").GetString() == Liveness.ContainerName);
    }
}
