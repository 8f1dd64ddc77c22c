namespace Infra.Tests.Capacity;

/// <summary>The audit's examples against the checked-in prod stack: what the stricter plan refuses, and how it says so.</summary>
public class StackPlanRefusalTests
{
    [Fact]
    public void Prod_at_2000_traces_per_second_with_a_120_second_decision_wait_is_refused_naming_the_sampler_count_and_num_traces()
    {
        var error = TestSupport.RefusedVariant("prod", ("otel-multicloud:expectedNewTracesPerSec", "\"2000\""), ("otel-multicloud:decisionWaitSeconds", "\"120\""));

        // 2,000 / 2 samplers x 120 s = 120,000 traces each, x 2 = 240,000; a 4096 MiB sampler holds 143,666.
        Assert.StartsWith("error: Pulumi.prod.yaml: tail_sampling num_traces (otel-multicloud:numTraces empty, so derived) = 240,000 per sampler task does not fit: "
            + "a task of otel-multicloud:samplerTaskMemory = 4096 MiB holds 143,666 traces", error);
        Assert.Contains("raise otel-multicloud:samplerMinTasks to at least ", error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Prod_with_routers_planned_above_their_autoscaling_target_is_refused_not_priced_at_a_count_that_would_not_run()
    {
        var error = TestSupport.RefusedVariant("prod", ("otel-multicloud:routerMinTasks", "\"2\""));

        Assert.Equal("error: Pulumi.prod.yaml: otel-multicloud:routerMinTasks = 2 x otel-multicloud:routerTaskCpu = 512 (0.5 vCPU) would run at 80% CPU at the declared load "
            + "(otel-multicloud:expectedNewTracesPerSec = 1000 x otel-multicloud:spansPerTrace = 8 sends 8,000 spans/s; 10,000 spans/s per vCPU routing), "
            + "above the routing tier's 60% CPU autoscaling target: the autoscaler would keep 3 tasks, not the 2 the cost prices. "
            + "Raise otel-multicloud:routerMinTasks to at least 3 or raise otel-multicloud:routerTaskCpu.\n", error);
    }

    [Fact]
    public void Prod_in_two_zones_plans_for_losing_half_of_each_tier_at_peak()
    {
        var error = TestSupport.RefusedVariant("prod", ("otel-multicloud:privateSubnets",
            """[{"id": "subnet-0f1e2d3c4b5a60001", "availabilityZone": "eu-west-1a"}, {"id": "subnet-0f1e2d3c4b5a60002", "availabilityZone": "eu-west-1b"}]"""));

        // 6 routers at peak, a zone holds 3; the other 3 carry 16,000 spans/s at 106.7% of 15,000.
        Assert.Contains("with one of 2 availability zones lost (3 of the 6 router tasks; otel-multicloud:production = true plans for a zone, otel-multicloud:privateSubnets span 2), "
            + "the other 3 would run at 106.7% CPU: raise otel-multicloud:routerMinTasks to at least 8", error);
    }

    [Fact]
    public void A_peak_factor_below_one_is_refused_with_its_range()
    {
        var error = TestSupport.RefusedVariant("dev", ("otel-multicloud:peakFactor", "\"0.5\""));

        Assert.Contains("otel-multicloud:peakFactor = '0.5'", error);
        Assert.Contains("Allowed: 1..20.", error);
    }
}
