using Infra.Capacity;
using Infra.Settings;
using Infra.Settings.Topology;

namespace Infra.Tests.Capacity;

/// <summary>A stack the capacity plan does not hold is refused with the keys, the demand, the capacity and the fix.</summary>
public class CapacityRefusalTests
{
    private static IReadOnlyList<string> Problems(TrafficProfile traffic, SamplingProfile sampling, CollectorTopology tiers, PlanningProfile? planning = null) =>
        CapacityCheck.Problems(CapacityModel.Compute(traffic, sampling, tiers, planning ?? Examples.ProdPlanning()));

    private static CollectorTopology Tiers(TierSize? router = null, TierSize? sampler = null) =>
        CollectorTopology.Tiered(router ?? new TierSize(1024, 2048, 2, 4), sampler ?? new TierSize(2048, 4096, 2, 6));

    [Fact]
    public void The_prod_like_stack_holds_its_plan()
    {
        Assert.Empty(CapacityCheck.Problems(Examples.ProdCapacity()));
        CapacityCheck.EnsureHolds(Examples.ProdCapacity(), "Pulumi.prod.yaml");
    }

    [Fact]
    public void A_router_planned_above_its_autoscaling_target_is_refused_not_priced_at_a_count_the_autoscaler_would_not_keep()
    {
        // 2 x 0.5 vCPU x 10,000 = 10,000 spans/s; 8,000 spans/s is 80%, above the routers' 60% target: 8,000 / 3,000 = 2.67, so 3.
        var problems = Problems(Examples.ProdTraffic(), Examples.ProdSampling(), Tiers(router: new TierSize(512, 1024, 2, 6)));

        Assert.Equal(
            ["otel-multicloud:routerMinTasks = 2 x otel-multicloud:routerTaskCpu = 512 (0.5 vCPU) would run at 80% CPU at the declared load "
            + "(otel-multicloud:expectedNewTracesPerSec = 1000 x otel-multicloud:spansPerTrace = 8 sends 8,000 spans/s; 10,000 spans/s per vCPU routing), "
            + "above the routing tier's 60% CPU autoscaling target: the autoscaler would keep 3 tasks, not the 2 the cost prices. "
            + "Raise otel-multicloud:routerMinTasks to at least 3 or raise otel-multicloud:routerTaskCpu."],
            problems);
    }

    [Fact]
    public void Samplers_above_their_memory_target_at_the_average_are_refused()
    {
        // 3,000 traces/s x 120 s over 2 tasks: 180,000 traces of 18.4 KB each = 3,159 MiB + 100 of 4,096: 79.6%, above 50%.
        var problems = Problems(Examples.ProdTraffic(3_000), Examples.ProdSampling(decisionWaitSeconds: 120), Tiers(sampler: new TierSize(4096, 4096, 2, 8)), Examples.ProdPlanning(peakFactor: 1));

        Assert.Contains(problems, p => p.StartsWith("otel-multicloud:samplerMinTasks = 2 x otel-multicloud:samplerTaskMemory = 4096 MiB would run at 79.6% memory at the declared load (otel-multicloud:expectedNewTracesPerSec = 3000 x otel-multicloud:decisionWaitSeconds = 120 / 2 tasks = 180,000 traces in flight per task;", StringComparison.Ordinal)
            && p.EndsWith("above the sampling tier's 50% memory autoscaling target: the autoscaler would keep 4 tasks, not the 2 the cost prices. Raise otel-multicloud:samplerMinTasks to at least 4 or raise otel-multicloud:samplerTaskMemory.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_peak_beyond_the_maximum_count_names_the_maximum_and_the_peak_factor()
    {
        // Peak x4: 32,000 spans/s at 60% of 10,000 per router: 5.33, so 6, but routerMaxTasks = 4.
        var problems = Problems(Examples.ProdTraffic(), Examples.ProdSampling(), Tiers(), Examples.ProdPlanning(peakFactor: 4));

        Assert.Equal(
            "At peak (otel-multicloud:peakFactor = 4 x otel-multicloud:expectedNewTracesPerSec = 1000: 4,000 traces/s x otel-multicloud:spansPerTrace = 8: 32,000 spans/s) the routing tier needs 6 tasks "
            + "to stay within its autoscaling targets (60% CPU), but otel-multicloud:routerMaxTasks = 4: raise otel-multicloud:routerMaxTasks to at least 6, "
            + "or raise otel-multicloud:routerTaskCpu, or lower otel-multicloud:peakFactor if the busiest hour is quieter.",
            problems[0]);
    }

    [Fact]
    public void Losing_one_task_per_tier_at_peak_is_covered()
    {
        // Outside production, 1,400 traces/s x 8 = 11,200 spans/s, peak 22,400: 2 routers of 2 vCPU (20,000 spans/s each) run at 56%,
        // within their 60% target; one lost leaves 1 at 112%. Two must survive (22,400 / 20,000 = 1.12), so 3.
        var planning = Examples.ProdPlanning(peakFactor: 2, zones: 2, loseZone: false);
        var tiers = Tiers(router: new TierSize(2048, 4096, 2, 2), sampler: new TierSize(2048, 4096, 2, 6));
        var load = Examples.ProdTraffic(1_400);

        var problems = Problems(load, Examples.ProdSampling(), tiers, planning);

        Assert.Equal(
            ["At peak (otel-multicloud:peakFactor = 2 x otel-multicloud:expectedNewTracesPerSec = 1400: 2,800 traces/s x otel-multicloud:spansPerTrace = 8: 22,400 spans/s) with one task lost of the 2 router tasks, "
            + "the other 1 would run at 112% CPU: raise otel-multicloud:routerMinTasks to at least 3 (and otel-multicloud:routerMaxTasks, now 2, with it) "
            + "so the rest carry the peak until ECS replaces what was lost, or raise otel-multicloud:routerTaskCpu."],
            problems);
    }

    [Fact]
    public void In_production_a_lost_zone_takes_its_share_of_the_tasks()
    {
        // 2 zones, 2 routers of 2 vCPU at peak (22,400 spans/s / 12,000 = 1.87, so the minimum 2): a zone holds 1, the other runs at 112%.
        // Two must survive: n - ceil(n / 2) >= 2 at 4. The samplers (4 vCPU) carry the peak on one task.
        var tiers = Tiers(router: new TierSize(2048, 4096, 2, 6), sampler: new TierSize(4096, 8192, 2, 6));

        var problems = Problems(Examples.ProdTraffic(1_400), Examples.ProdSampling(), tiers, Examples.ProdPlanning(zones: 2));

        Assert.StartsWith("At peak (otel-multicloud:peakFactor = 2 x otel-multicloud:expectedNewTracesPerSec = 1400: 2,800 traces/s x otel-multicloud:spansPerTrace = 8: 22,400 spans/s) "
            + "with one of 2 availability zones lost (1 of the 2 router tasks; otel-multicloud:production = true plans for a zone, otel-multicloud:privateSubnets span 2), "
            + "the other 1 would run at 112% CPU: raise otel-multicloud:routerMinTasks to at least 4", Assert.Single(problems));
    }

    [Fact]
    public void A_derived_num_traces_a_task_cannot_hold_is_refused_naming_the_sampler_count_and_num_traces()
    {
        // 2,000 traces/s x 120 s over 2 samplers: 120,000 each, x 2 = 240,000, but a 4096 MiB task holds 143,666. At peak the memory
        // target keeps 3 samplers ((2048 - 100) MiB / 18,400 bytes = 111,014 traces each), one lost leaves 2: 120,000 each.
        // 4 samplers: 2,000 / 4 x 120 x 2 = 120,000 fits, and the peak share after a loss (80,000) too.
        var report = CapacityModel.Compute(Examples.ProdTraffic(2_000), Examples.ProdSampling(decisionWaitSeconds: 120),
            Tiers(router: new TierSize(4096, 8192, 2, 10), sampler: new TierSize(4096, 4096, 2, 10)), Examples.ProdPlanning(peakFactor: 1, loseZone: false));

        Assert.Equal(
            "tail_sampling num_traces (otel-multicloud:numTraces empty, so derived) = 240,000 per sampler task does not fit: a task of otel-multicloud:samplerTaskMemory = 4096 MiB "
            + "holds 143,666 traces below its memory_limiter soft limit (each trace takes about 18.4 KB: otel-multicloud:spansPerTrace = 8 x otel-multicloud:averageSpanBytes = 600 bytes x 3 decoded in memory, "
            + "plus 4 KB of decision caches). num_traces is the larger of 2 x the average share on the minimum count (otel-multicloud:expectedNewTracesPerSec = 2000 / otel-multicloud:samplerMinTasks = 2 "
            + "x otel-multicloud:decisionWaitSeconds = 120 = 120,000) and the peak share with one task lost (otel-multicloud:peakFactor = 1: 2,000 traces/s over 2 tasks x 120 s = 120,000): "
            + "raise otel-multicloud:samplerMinTasks to at least 4 or raise otel-multicloud:samplerTaskMemory, or lower otel-multicloud:decisionWaitSeconds.",
            CapacityCheck.Problems(report)[0]);
    }

    [Fact]
    public void Too_little_memory_on_the_single_task_at_peak()
    {
        // (656 - 100) MiB / 18,400 bytes = 31,685 traces; 1000/s x 2 x 30 s = 60,000.
        var problems = Problems(Examples.ProdTraffic(), new SamplingProfile(5, 30), CollectorTopology.Single(4096, 1024), Examples.ProdPlanning(loseZone: false));

        Assert.Contains(
            "otel-multicloud:taskMemory = 1024 MiB holds 31,685 traces in flight, but at peak otel-multicloud:expectedNewTracesPerSec = 1000 x otel-multicloud:peakFactor = 2 "
            + "x otel-multicloud:decisionWaitSeconds = 30 needs 60,000 (each trace takes about 18.4 KB: otel-multicloud:spansPerTrace = 8 x otel-multicloud:averageSpanBytes = 600 bytes x 3 decoded in memory, "
            + "plus 4 KB of decision caches): raise otel-multicloud:taskMemory (a Fargate pair with otel-multicloud:taskCpu) or lower otel-multicloud:decisionWaitSeconds; beyond one task, use the tiered topology.",
            problems);
    }

    [Fact]
    public void Too_little_cpu_on_the_single_task_at_peak()
    {
        var problems = Problems(Examples.ProdTraffic(300), Examples.ProdSampling(), CollectorTopology.Single(512, 4096), Examples.ProdPlanning(loseZone: false));

        Assert.Equal(
            ["otel-multicloud:taskCpu = 512 (0.5 vCPU) handles 4,000 spans/s with tail sampling (8,000 per vCPU), "
            + "but at peak otel-multicloud:expectedNewTracesPerSec = 300 x otel-multicloud:peakFactor = 2 x otel-multicloud:spansPerTrace = 8 sends 4,800 spans/s: "
            + "raise otel-multicloud:taskCpu (a Fargate pair with otel-multicloud:taskMemory), or use the tiered topology."],
            problems);
    }

    [Fact]
    public void Tasks_too_small_for_the_collector_itself()
    {
        var problems = Problems(Examples.ProdTraffic(), Examples.ProdSampling(),
            Tiers(router: new TierSize(1024, 128, 2, 4), sampler: new TierSize(2048, 128, 2, 6)));

        Assert.Equal(
            [
                "otel-multicloud:samplerTaskMemory = 128 MiB leaves no room for traces: its memory_limiter soft limit is 82 MiB "
                + "and the collector itself takes 100 MiB. Raise otel-multicloud:samplerTaskMemory.",
                "otel-multicloud:routerTaskMemory = 128 MiB leaves 82 MiB below the memory_limiter soft limit, "
                + "less than the 100 MiB a collector process needs: raise otel-multicloud:routerTaskMemory.",
            ],
            problems);
    }

    [Fact]
    public void EnsureHolds_throws_one_user_error_naming_the_source_and_counting_the_rest()
    {
        var report = CapacityModel.Compute(Examples.ProdTraffic(), Examples.ProdSampling(),
            Tiers(router: new TierSize(1024, 128, 2, 4), sampler: new TierSize(2048, 128, 2, 6)), Examples.ProdPlanning());

        var error = Assert.Throws<UserError>(() => CapacityCheck.EnsureHolds(report, "Pulumi.prod.yaml"));

        Assert.StartsWith("Pulumi.prod.yaml: otel-multicloud:samplerTaskMemory = 128 MiB leaves no room for traces", error.Message);
        Assert.EndsWith("Raise otel-multicloud:samplerTaskMemory. (1 more capacity problem after this one.)", error.Message);
    }
}
