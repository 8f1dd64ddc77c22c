using Infra.Capacity;
using Infra.Settings.Topology;

namespace Infra.Tests.Capacity;

/// <summary>Each figure of the capacity model against a hand computation for the prod-like stack.</summary>
public class CapacityModelTests
{
    private const double MiB = 1024 * 1024;
    private static readonly CapacityReport Prod = Examples.ProdCapacity();

    [Fact]
    public void Router_cpu_is_spans_per_second_over_10000_per_vcpu()
    {
        var router = Prod.Router!;
        Assert.Equal(8000 / 10000.0, router.CpuDemandVcpu, 9);
        Assert.Equal(2.0, router.CpuCapacityVcpu);
        Assert.Equal(20_000, router.SpansPerSecondCapacity);
        Assert.Equal(1, router.TasksNeededForCpu);
    }

    [Fact]
    public void Sampler_cpu_is_spans_per_second_over_8000_per_vcpu()
    {
        var sampler = Prod.Sampler;
        Assert.Equal(("sampler", true, false), (sampler.Tier.Name, sampler.Tier.SamplesAndExports, sampler.Tier.ReceivesFromOutside));
        Assert.Equal(1.0, sampler.CpuDemandVcpu, 9);
        Assert.Equal(4.0, sampler.CpuCapacityVcpu);
        Assert.Equal(1, sampler.TasksNeededForCpu);
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
    public void Traces_in_flight_are_traces_per_second_times_decision_wait()
    {
        var traces = Prod.Sampler.Traces!;

        Assert.Equal(10_000, traces.TracesInFlight);
        Assert.Equal(5_000, traces.TracesInFlightPerTask);
    }

    [Fact]
    public void A_sampler_task_holds_what_fits_between_the_collector_footprint_and_the_soft_limit()
    {
        // (2621 - 100) MiB / 18,400 bytes = 143,666.3
        Assert.Equal(143_666, Prod.Sampler.Traces!.TraceCapacityPerTask);
        Assert.Equal(100 + 5_000 * 18_400 / MiB, Prod.Sampler.MemoryDemandMiBPerTask, 9);
        Assert.Equal(1, Prod.Sampler.TasksNeededForMemory);
        Assert.True(Prod.HoldsDeclaredLoad);
    }

    [Fact]
    public void Tail_sampling_settings_come_from_the_load_at_the_minimum_sampler_count()
    {
        // 1000 / 2 tasks x 10 s x 2 headroom; caches 10x num_traces.
        Assert.Equal(new TailSamplingSizing(10_000, 500, 100_000, 100_000, true), Prod.TailSampling);
    }

    [Fact]
    public void Kept_share_is_errors_plus_slow_plus_the_baseline_of_the_rest()
    {
        Assert.Equal(0.01 + 0.02 + 0.05 * 0.97, Prod.KeptTraceShare, 12);
        Assert.Equal(1.0, Examples.ProdSampling().KeepingEverything().KeptTraceShare(Examples.ProdTraffic()), 12);
    }

    [Fact]
    public void Memory_sets_the_task_count_when_traces_in_flight_outgrow_a_task()
    {
        // 3,000 traces/s x 120 s = 360,000 traces at 143,666 per 4096 MiB task: 2.5, so 3 tasks;
        // CPU needs only 24,000 spans/s / 8,000 per vCPU / 2 vCPU per task = 1.5, so 2.
        var report = CapacityModel.Compute(Examples.ProdTraffic(3_000), Examples.ProdSampling(decisionWaitSeconds: 120), Examples.ProdTiers());

        Assert.Equal(360_000, report.Sampler.Traces!.TracesInFlight);
        Assert.Equal(3, report.Sampler.TasksNeededForMemory);
        Assert.Equal(2, report.Sampler.TasksNeededForCpu);
        Assert.Equal(3, report.Sampler.TasksNeeded);
        Assert.False(report.HoldsDeclaredLoad);
    }

    [Fact]
    public void The_single_topology_has_one_combined_task_and_no_router()
    {
        var report = CapacityModel.Compute(Examples.ProdTraffic(), Examples.ProdSampling(), CollectorTopology.Single(1024, 2048));

        Assert.Null(report.Router);
        Assert.Equal(("collector", true, true), (report.Sampler.Tier.Name, report.Sampler.Tier.SamplesAndExports, report.Sampler.Tier.ReceivesFromOutside));
        Assert.Equal((1, 1), (report.Sampler.Size.MinTasks, report.Sampler.Size.MaxTasks));
        Assert.Equal(20_000, report.TailSampling.NumTraces); // 1000 x 10 s x 2 on one task
    }

    [Fact]
    public void A_task_too_small_for_the_collector_itself_holds_no_traces_at_any_count()
    {
        var report = CapacityModel.Compute(Examples.ProdTraffic(), Examples.ProdSampling(),
            CollectorTopology.Tiered(new TierSize(256, 128, 2, 2), new TierSize(256, 128, 2, 2)));

        Assert.Equal(0, report.Sampler.Traces!.TraceCapacityPerTask);
        Assert.Null(report.Sampler.TasksNeeded);
        Assert.Null(report.Router!.TasksNeeded);
        Assert.False(report.TailSampling.NumTracesFitInMemory);
    }
}
