using Infra.Settings;
using static Infra.Tests.ErrorMessageAssert;

namespace Infra.Tests.Settings;

/// <summary>Failing configs for the AWS runtime: each exits 2 with a message naming the keys.</summary>
public class RuntimeSettingsTests
{
    private static TestSupport.CliResult SynthDevWith(params (string Key, string? Value)[] changes)
    {
        var directory = TestSupport.StackDirectoryWith("test", TestSupport.DevStackWith(changes));
        var result = TestSupport.RunCli(["synth", "--stack", "test", "--flat"], projectDirectory: directory);
        Assert.Equal("", result.Stdout);
        Assert.Equal(2, result.ExitCode);
        return result;
    }

    private static string ProdWith(params (string Key, string? Value)[] changes)
    {
        var config = SettingsTests.RequiredKeys();
        config["otel-multicloud:production"] = "true";
        config["otel-multicloud:certificateArn"] = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-4000-8000-000000000000";
        config["otel-multicloud:ingressHostName"] = "otlp.example.com";
        config["otel-multicloud:keyVaultAllowedIpRanges"] = "[\"203.0.113.0/24\"]";
        foreach (var (key, value) in changes)
        {
            config[key] = value;
        }
        return Assert.Throws<UserError>(() => StackSettingsReader.Read("prod", new StackConfig("Pulumi.prod.yaml", config))).Message;
    }

    [Fact]
    public void One_subnet_is_refused()
    {
        var result = SynthDevWith(("otel-multicloud:privateSubnets", """[{"id": "subnet-0a1b2c3d4e5f60001", "availabilityZone": "eu-west-1a"}]"""));
        AssertNamesProblem(result.Stderr, "Pulumi.test.yaml", "otel-multicloud:privateSubnets", "'[{\"id\":\"subnet-0a1b2c3d4e5f60001\",\"availabilityZone\":\"eu-west-1a\"}]'",
            "has 1 item(s): at least 2 required", "in at least 2 AZs");
    }

    [Fact]
    public void Two_subnets_in_one_zone_are_refused()
    {
        var result = SynthDevWith(("otel-multicloud:privateSubnets", """[{"id": "subnet-0a1b2c3d4e5f60001", "availabilityZone": "eu-west-1a"}, {"id": "subnet-0a1b2c3d4e5f60002", "availabilityZone": "eu-west-1a"}]"""));
        AssertNamesProblem(result.Stderr, "Pulumi.test.yaml", "otel-multicloud:privateSubnets", null, "name private subnets in at least 2 availability zones");
        Assert.Contains("otel-multicloud:privateSubnets are all in eu-west-1a", result.Stderr);
    }

    [Fact]
    public void Subnet_outside_the_stack_region_is_refused()
    {
        var result = SynthDevWith(("otel-multicloud:privateSubnets", """[{"id": "subnet-0a1b2c3d4e5f60001", "availabilityZone": "eu-west-1a"}, {"id": "subnet-0a1b2c3d4e5f60002", "availabilityZone": "us-east-1b"}]"""));
        Assert.Equal("error: Pulumi.test.yaml: otel-multicloud:privateSubnets puts subnet-0a1b2c3d4e5f60002 in us-east-1b, which is not in aws:region eu-west-1.\n", result.Stderr);
    }

    [Fact]
    public void Malformed_subnet_id_is_refused()
    {
        var result = SynthDevWith(("otel-multicloud:privateSubnets", """[{"id": "sub-1", "availabilityZone": "eu-west-1a"}, {"id": "subnet-0a1b2c3d4e5f60002", "availabilityZone": "eu-west-1b"}]"""));
        Assert.Contains("has an item that has id 'sub-1', which is not a subnet id such as subnet-0123456789abcdef0", result.Stderr);
    }

    [Fact]
    public void Public_ingress_is_refused_in_production_even_when_allowed()
    {
        var message = ProdWith(("otel-multicloud:ingressCidrs", """["0.0.0.0/0"]"""), ("otel-multicloud:allowPublicIngress", "true"));
        AssertMessageNamesProblem(message, "Pulumi.prod.yaml", "otel-multicloud:production", "true",
            "list the senders' CIDRs in otel-multicloud:ingressCidrs", "set otel-multicloud:allowPublicIngress to false");
        Assert.Contains("never accepts OTLP from 0.0.0.0/0", message);
    }

    [Fact]
    public void Public_ingress_needs_the_explicit_switch()
    {
        var result = SynthDevWith(("otel-multicloud:ingressCidrs", """["0.0.0.0/0"]"""));
        AssertNamesProblem(result.Stderr, "Pulumi.test.yaml", "otel-multicloud:ingressCidrs", null,
            "list the senders' CIDRs instead", "set otel-multicloud:allowPublicIngress to true on a non-production stack");
        Assert.Contains("otel-multicloud:ingressCidrs contains 0.0.0.0/0", result.Stderr);
    }

    [Fact]
    public void Public_ingress_with_the_switch_is_allowed_outside_production()
    {
        var directory = TestSupport.StackDirectoryWith("open", TestSupport.DevStackWith(
            ("otel-multicloud:ingressCidrs", """["0.0.0.0/0"]"""), ("otel-multicloud:allowPublicIngress", "\"true\""), ("otel-multicloud:allowPlaintextIngress", "\"true\"")));
        var result = TestSupport.RunCli(["synth", "--stack", "open", "--flat"], projectDirectory: directory);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("cidrIpv4: 0.0.0.0/0", result.Stdout);
    }

    [Fact]
    public void Invalid_fargate_cpu_memory_pair_is_refused()
    {
        var result = SynthDevWith(("otel-multicloud:taskCpu", "\"256\""), ("otel-multicloud:taskMemory", "\"4096\""));
        AssertNamesProblem(result.Stderr, "Pulumi.test.yaml", "otel-multicloud:taskCpu", "256", "with 256 CPU units memory must be 512, 1024 or 2048 MiB");
        Assert.Contains("otel-multicloud:taskMemory = 4096 is not a Fargate size", result.Stderr);
    }

    [Fact]
    public void Cpu_that_fargate_does_not_offer_is_refused()
    {
        var result = SynthDevWith(("otel-multicloud:taskCpu", "\"768\""));
        Assert.StartsWith("error: Pulumi.test.yaml: otel-multicloud:taskCpu = '768' is not one of the allowed values. Allowed: 256, 512, 1024", result.Stderr);
    }

    [Fact]
    public void Production_with_a_single_collector_is_refused()
    {
        var message = ProdWith(("otel-multicloud:topology", "single"));
        AssertMessageNamesProblem(message, "Pulumi.prod.yaml", "otel-multicloud:production", "true", "must set otel-multicloud:topology to tiered");
        Assert.Contains("a single collector task is a single point of failure", message);
    }

    [Fact]
    public void A_minimum_above_the_maximum_is_refused()
    {
        var result = SynthDevWith(("otel-multicloud:topology", "tiered"), ("otel-multicloud:samplerMinTasks", "\"5\""), ("otel-multicloud:samplerMaxTasks", "\"4\""));
        AssertNamesProblem(result.Stderr, "Pulumi.test.yaml", "otel-multicloud:samplerMinTasks", "5", "needs a minimum at most its maximum");
        Assert.Contains("is above otel-multicloud:samplerMaxTasks = 4", result.Stderr);
    }

    [Theory]
    [InlineData("otel-multicloud:routerMinTasks", "routing")]
    [InlineData("otel-multicloud:samplerMinTasks", "sampling")]
    public void Production_needs_two_tasks_per_tier(string key, string tier)
    {
        var message = ProdWith(("otel-multicloud:topology", "tiered"), (key, "1"));
        AssertMessageNamesProblem(message, "Pulumi.prod.yaml", key, "1", $"run at least 2 tasks in the {tier} tier");
        Assert.Contains("in a production stack", message);
    }

    [Fact]
    public void A_router_size_fargate_does_not_offer_is_refused_naming_the_router_keys()
    {
        var result = SynthDevWith(("otel-multicloud:topology", "tiered"), ("otel-multicloud:routerTaskCpu", "\"2048\""), ("otel-multicloud:routerTaskMemory", "\"1024\""));
        AssertNamesProblem(result.Stderr, "Pulumi.test.yaml", "otel-multicloud:routerTaskCpu", "2048", "with 2048 CPU units memory must be 4096..16384 in steps of 1024 MiB");
        Assert.Contains("otel-multicloud:routerTaskMemory = 1024 is not a Fargate size", result.Stderr);
    }

    [Fact]
    public void Samplers_that_cannot_hold_the_traces_in_flight_are_refused()
    {
        // 20000 traces/s for 60 s over 2 samplers: 600,000 each, x 2 = 1.2 million for num_traces; a 1024 MiB sampler holds 31,685,
        // and even 50 samplers would each need 48,000.
        var result = SynthDevWith(("otel-multicloud:topology", "tiered"), ("otel-multicloud:samplerTaskCpu", "\"512\""), ("otel-multicloud:samplerTaskMemory", "\"1024\""),
            ("otel-multicloud:expectedNewTracesPerSec", "\"20000\""), ("otel-multicloud:decisionWaitSeconds", "\"60\""));
        AssertNamesProblem(result.Stderr, "Pulumi.test.yaml", "otel-multicloud:numTraces", null,
            "raise otel-multicloud:samplerTaskMemory", "lower otel-multicloud:decisionWaitSeconds");
        Assert.Contains("tail_sampling num_traces (otel-multicloud:numTraces empty, so derived) = 1,200,000 per sampler task does not fit", result.Stderr);
        Assert.Contains("otel-multicloud:samplerTaskMemory = 1024 MiB holds 31,685 traces", result.Stderr);
        Assert.Contains("otel-multicloud:peakFactor = 2: 40,000 traces/s over 3 tasks x 60 s = 800,000", result.Stderr);
        Assert.Contains("no otel-multicloud:samplerMinTasks up to 50 makes it fit", result.Stderr);
        Assert.EndsWith(" (2 more capacity problems after this one.)\n", result.Stderr);
    }

    [Fact]
    public void A_num_traces_override_above_what_a_task_holds_is_refused()
    {
        var result = SynthDevWith(("otel-multicloud:numTraces", "\"5000000\""));
        AssertNamesProblem(result.Stderr, "Pulumi.test.yaml", "otel-multicloud:numTraces", "5000000",
            "Lower it", "leave it empty to derive it", "raise otel-multicloud:taskMemory");
        Assert.Contains("more than the 31685 traces a task of otel-multicloud:taskMemory = 1024 MiB holds", result.Stderr);
        Assert.Contains("memory_limiter would refuse data before tail sampling evicts a trace", result.Stderr);
    }

    [Fact]
    public void Error_and_slow_shares_above_one_are_refused()
    {
        var result = SynthDevWith(("otel-multicloud:errorTraceShare", "\"0.6\""), ("otel-multicloud:slowTraceShare", "\"0.5\""));
        AssertNamesProblem(result.Stderr, "Pulumi.test.yaml", "otel-multicloud:errorTraceShare", "0.6", "add up to more than 1");
        Assert.Contains("otel-multicloud:slowTraceShare = 0.5", result.Stderr);
    }

    [Fact]
    public void A_num_traces_override_below_the_traces_in_flight_is_refused()
    {
        var result = SynthDevWith(("otel-multicloud:numTraces", "\"1000\""), ("otel-multicloud:expectedNewTracesPerSec", "\"200\""));
        AssertNamesProblem(result.Stderr, "Pulumi.test.yaml", "otel-multicloud:numTraces", "1000", "Raise it", "leave it empty to derive it");
        Assert.Contains("is below the 4000 traces a sampler task holds in the plan", result.Stderr);
        Assert.Contains("otel-multicloud:expectedNewTracesPerSec = 200 / 1 task (single topology) x otel-multicloud:decisionWaitSeconds = 10", result.Stderr);
        Assert.Contains("the peak share at otel-multicloud:peakFactor = 2", result.Stderr);
        Assert.Contains("traces would be evicted before their decision", result.Stderr);
    }

    [Fact]
    public void A_sufficient_num_traces_override_is_used_as_given()
    {
        var directory = TestSupport.StackDirectoryWith("test", TestSupport.DevStackWith(("otel-multicloud:numTraces", "\"4000\"")));
        var result = TestSupport.RunCli(["synth", "--stack", "test", "--flat"], projectDirectory: directory);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("num_traces: 4000", result.Stdout);
    }

    [Fact]
    public void Log_retention_must_be_a_cloudwatch_value()
    {
        var result = SynthDevWith(("otel-multicloud:collectorLogRetentionDays", "\"10\""));
        Assert.StartsWith("error: Pulumi.test.yaml: otel-multicloud:collectorLogRetentionDays = '10' is not one of the allowed values.", result.Stderr);
    }

    [Theory]
    [InlineData(256, 512, true)]
    [InlineData(256, 1536, false)]
    [InlineData(512, 4096, true)]
    [InlineData(512, 5120, false)]
    [InlineData(1024, 3072, true)]
    [InlineData(4096, 30720, true)]
    [InlineData(8192, 20480, true)]
    [InlineData(8192, 18432, false)]
    [InlineData(16384, 122880, true)]
    [InlineData(300, 1024, false)]
    public void Fargate_pairs_follow_the_aws_table(int cpu, int memory, bool valid)
    {
        Assert.Equal(valid, FargateSizes.IsValid(cpu, memory));
    }
}
