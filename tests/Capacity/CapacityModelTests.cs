using Infra.Capacity;
using Infra.Settings.Topology;

namespace Infra.Tests.Capacity;

/// <summary>Each figure of the capacity plan against a hand computation for the prod-like stack (peak x2, three zones, one lost).</summary>
public class CapacityModelTests
{
    private const double MiB = 1024 * 1024;
    private static readonly CapacityReport Prod = Examples.ProdCapacity();

    [Fact]
    public void Router_cpu_at_the_average_is_spans_per_second_over_10000_per_vcpu_on_the_minimum_count()
    {
        // 8,000 spans/s over 2 tasks of 1 vCPU at 10,000 spans/s each: 40%.
        var router = Prod.Router!;
        Assert.Equal(40, router.Average.CpuPercent, 9);
        Assert.Equal(2, router.Average.Tasks);
        Assert.Equal(2, router.TasksForAverage); // 8,000 / (10,000 x 60%) = 1.33
        Assert.True(router.AverageWithinTargets);
    }

    [Fact]
    public void Sampler_cpu_at_the_average_is_spans_per_second_over_8000_per_vcpu()
    {
        // 8,000 spans/s over 2 tasks of 2 vCPU at 8,000 spans/s each: 25%.
        var sampler = Prod.Sampler;
        Assert.Equal(("sampler", true, false), (sampler.Tier.Name, sampler.Tier.SamplesAndExports, sampler.Tier.ReceivesFromOutside));
        Assert.Equal(25, sampler.Average.CpuPercent, 9);
    }

    [Theory]
    [InlineData(4096, 3276, 655, 2621)]
    [InlineData(2048, 1638, 327, 1311)]
    [InlineData(1024, 819, 163, 656)]
    [InlineData(512, 409, 81, 328)]
    public void Memory_limits_are_80_percent_of_the_task_with_a_20_percent_spike(int task, int limit, int spike, int soft)
    {
        var limits = MemoryLimits.ForTask(task);

        Assert.Equal(new MemoryLimits(limit, spike, limit), limits);
        Assert.Equal(soft, limits.SoftLimitMib);
    }

    [Fact]
    public void A_trace_in_flight_takes_its_decoded_spans_plus_its_share_of_the_decision_caches()
    {
        var traces = Prod.Sampler.Traces!;

        Assert.Equal(8 * 600 * 3, traces.SpanBytesPerTrace);
        Assert.Equal(2 * 10 * 2 * 100, traces.CacheBytesPerTrace);
        Assert.Equal(18_400, traces.BytesPerTrace);
    }

    [Fact]
    public void Traces_in_flight_per_task_are_traces_per_second_times_decision_wait_over_the_tasks()
    {
        var average = Prod.Sampler.Average;

        Assert.Equal(5_000, average.TracesInFlightPerTask);
        Assert.Equal(100 + 5_000 * 18_400 / MiB, average.MemoryMiBPerTask, 9);
        Assert.Equal((100 + 5_000 * 18_400 / MiB) / 4096 * 100, average.MemoryPercent, 9);
    }

    [Fact]
    public void A_sampler_task_holds_what_fits_between_the_collector_footprint_and_the_soft_limit()
    {
        // (2621 - 100) MiB / 18,400 bytes = 143,666.3
        Assert.Equal(143_666, Prod.Sampler.Traces!.TraceCapacityPerTask);
        Assert.True(Prod.Holds);
    }

    [Fact]
    public void At_peak_each_tier_runs_the_count_its_autoscaling_target_keeps()
    {
        // 16,000 spans/s: routers at 60% of 10,000 per task: 2.67, so 3; samplers at 60% of 16,000 per task: 1.67, so the minimum 2.
        Assert.Equal((3, 3), (Prod.Router!.PeakTasksNeeded, Prod.Router.Peak.Tasks));
        Assert.Equal(16_000.0 / 30_000 * 100, Prod.Router.Peak.CpuPercent, 9);
        Assert.Equal((2, 2), (Prod.Sampler.PeakTasksNeeded, Prod.Sampler.Peak.Tasks));
        Assert.Equal(50, Prod.Sampler.Peak.CpuPercent, 9);
        Assert.True(Prod.Router.PeakWithinMaximum);
    }

    [Fact]
    public void At_peak_after_losing_a_zone_the_other_tasks_carry_it()
    {
        // 3 zones: a zone holds at most ceil(3 / 3) = 1 router and ceil(2 / 3) = 1 sampler.
        var router = Prod.Router!.Loss!;
        Assert.Equal(("one of 3 availability zones lost", 1, 2), (router.Case, router.TasksLost, router.Survivors.Tasks));
        Assert.Equal(80, router.Survivors.CpuPercent, 9);
        var sampler = Prod.Sampler.Loss!;
        Assert.Equal((1, 1), (sampler.TasksLost, sampler.Survivors.Tasks));
        Assert.Equal(100, sampler.Survivors.CpuPercent, 9);
        Assert.Equal(20_000, sampler.Survivors.TracesInFlightPerTask);
        Assert.True(sampler.Survivors.WithinHardLimits);
    }

    [Fact]
    public void Outside_production_one_task_is_lost()
    {
        var report = CapacityModel.Compute(Examples.ProdTraffic(), Examples.ProdSampling(), Examples.ProdTiers(), Examples.ProdPlanning(loseZone: false));

        Assert.Equal(("one task lost", 1), (report.Router!.Loss!.Case, report.Router.Loss.TasksLost));
    }

    [Theory]
    [InlineData(false, 3, 5, 6)]
    [InlineData(true, 3, 5, 8)]
    [InlineData(true, 2, 5, 10)]
    public void The_minimum_for_a_loss_leaves_enough_tasks_after_it(bool loseZone, int zones, int survivorsNeeded, int expected)
    {
        // 40,000 spans/s at 100% of 1 vCPU x 8,000: 5 samplers must survive. Losing a zone of 3 loses ceil(n / 3): 8 - 3 = 5.
        var report = CapacityModel.Compute(Examples.ProdTraffic(2_500, 8), Examples.ProdSampling(), CollectorTopology.Tiered(new TierSize(4096, 8192, 2, 20), new TierSize(1024, 4096, 2, 20)),
            Examples.ProdPlanning(peakFactor: 2, zones: zones, loseZone: loseZone));

        Assert.Equal(survivorsNeeded, report.Sampler.Capacity.TasksWithinHardLimits(report.PeakTracesPerSecond));
        Assert.Equal(expected, report.Sampler.MinTasksForLoss);
    }

    [Fact]
    public void Tail_sampling_holds_twice_the_average_share_and_at_least_the_peak_share_after_the_loss()
    {
        // Average: 1000 / 2 tasks x 10 s = 5,000, x 2 = 10,000. Peak after the zone loss: 2,000 / 1 task x 10 s = 20,000.
        Assert.Equal(new TailSamplingSizing(20_000, 500, 200_000, 200_000, true, 20_000), Prod.TailSampling);
    }

    [Fact]
    public void Kept_share_is_errors_plus_slow_plus_the_baseline_of_the_rest()
    {
        Assert.Equal(0.01 + 0.02 + 0.05 * 0.97, Prod.KeptTraceShare, 12);
        Assert.Equal(1.0, Examples.ProdSampling().KeepingEverything().KeptTraceShare(Examples.ProdTraffic()), 12);
    }

    [Fact]
    public void Memory_sets_the_task_count_when_traces_in_flight_outgrow_the_memory_target()
    {
        // 3,000 traces/s x 120 s = 360,000 traces; a 4096 MiB task at its 50% memory target holds (2048 - 100) MiB / 18,400 bytes
        // = 111,014: 3.24, so 4 tasks. CPU needs 24,000 spans/s / (16,000 x 60%) = 2.5, so 3.
        var report = CapacityModel.Compute(Examples.ProdTraffic(3_000), Examples.ProdSampling(decisionWaitSeconds: 120), Examples.ProdTiers(), Examples.ProdPlanning(peakFactor: 1));

        Assert.Equal(180_000, report.Sampler.Average.TracesInFlightPerTask);
        Assert.Equal(4, report.Sampler.TasksForAverage);
        Assert.False(report.Sampler.AverageWithinTargets);
        Assert.False(report.Holds);
    }

    [Fact]
    public void The_single_topology_has_one_combined_task_no_router_and_no_loss()
    {
        var report = CapacityModel.Compute(Examples.ProdTraffic(), Examples.ProdSampling(), CollectorTopology.Single(1024, 2048), Examples.ProdPlanning(loseZone: false));

        Assert.Null(report.Router);
        Assert.Equal(("collector", true, true), (report.Sampler.Tier.Name, report.Sampler.Tier.SamplesAndExports, report.Sampler.Tier.ReceivesFromOutside));
        Assert.Equal((1, 1, 1), (report.Sampler.Size.MinTasks, report.Sampler.Size.MaxTasks, report.Sampler.Peak.Tasks));
        Assert.Null(report.Sampler.Loss);
        Assert.Equal(20_000, report.TailSampling.NumTraces); // max(1000 x 10 s x 2, 2000 x 10 s) on one task
    }

    [Fact]
    public void A_task_too_small_for_the_collector_itself_holds_no_traces_at_any_count()
    {
        var report = CapacityModel.Compute(Examples.ProdTraffic(), Examples.ProdSampling(),
            CollectorTopology.Tiered(new TierSize(256, 128, 2, 2), new TierSize(256, 128, 2, 2)), Examples.ProdPlanning());

        Assert.Equal(0, report.Sampler.Traces!.TraceCapacityPerTask);
        Assert.Null(report.Sampler.TasksForAverage);
        Assert.Null(report.Router!.TasksForAverage);
        Assert.False(report.TailSampling.NumTracesFitInMemory);
        Assert.False(report.Holds);
    }
}
