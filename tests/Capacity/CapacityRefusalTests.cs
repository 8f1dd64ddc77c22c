using Infra.Capacity;
using Infra.Settings;
using Infra.Settings.Topology;

namespace Infra.Tests.Capacity;

/// <summary>A stack whose minimum capacity cannot hold the declared load is refused with the keys, demand and capacity.</summary>
public class CapacityRefusalTests
{
    private static IReadOnlyList<string> Problems(TrafficProfile traffic, SamplingProfile sampling, CollectorTopology tiers) =>
        CapacityCheck.Problems(CapacityModel.Compute(traffic, sampling, tiers));

    private static CollectorTopology Tiers(TierSize? router = null, TierSize? sampler = null) =>
        CollectorTopology.Tiered(router ?? new TierSize(1024, 2048, 2, 4), sampler ?? new TierSize(1024, 2048, 2, 6));

    [Fact]
    public void The_prod_like_stack_holds_its_load()
    {
        Assert.Empty(CapacityCheck.Problems(Examples.ProdCapacity()));
        CapacityCheck.EnsureHolds(Examples.ProdCapacity(), "Pulumi.prod.yaml");
    }

    [Fact]
    public void Too_few_samplers_for_the_traces_in_flight()
    {
        // 2 x (1311 - 100) MiB / 7,600 bytes = 2 x 167,082 = 334,164 traces; 8,000/s x 60 s = 480,000.
        var problems = Problems(new TrafficProfile(8000, 2, 600, 0.01, 0.02), new SamplingProfile(5, 60), Tiers());

        Assert.Equal(
            ["otel-multicloud:samplerMinTasks = 2 x otel-multicloud:samplerTaskMemory = 2048 MiB hold 334,164 traces in flight, "
            + "but otel-multicloud:expectedNewTracesPerSec = 8000 x otel-multicloud:decisionWaitSeconds = 60 needs 480,000 "
            + "(each trace takes about 7.6 KB: otel-multicloud:spansPerTrace = 2 x otel-multicloud:averageSpanBytes = 600 bytes x 3 decoded in memory, "
            + "plus 4 KB of decision caches): raise otel-multicloud:samplerMinTasks to at least 3 or raise otel-multicloud:samplerTaskMemory, "
            + "or lower otel-multicloud:decisionWaitSeconds."],
            problems);
    }

    [Fact]
    public void Needing_more_samplers_than_the_maximum_names_the_maximum_too()
    {
        var problems = Problems(new TrafficProfile(8000, 2, 600, 0.01, 0.02), new SamplingProfile(5, 60), Tiers(sampler: new TierSize(1024, 2048, 2, 2)));

        Assert.Contains("raise otel-multicloud:samplerMinTasks to at least 3 (and otel-multicloud:samplerMaxTasks, now 2, with it) or raise otel-multicloud:samplerTaskMemory", Assert.Single(problems));
    }

    [Fact]
    public void Too_little_memory_on_the_single_task()
    {
        // (656 - 100) MiB / 18,400 bytes = 31,685 traces; 1000/s x 60 s = 60,000.
        var problems = Problems(Examples.ProdTraffic(), new SamplingProfile(5, 60), CollectorTopology.Single(1024, 1024));

        Assert.Equal(
            ["otel-multicloud:taskMemory = 1024 MiB holds 31,685 traces in flight, "
            + "but otel-multicloud:expectedNewTracesPerSec = 1000 x otel-multicloud:decisionWaitSeconds = 60 needs 60,000 "
            + "(each trace takes about 18.4 KB: otel-multicloud:spansPerTrace = 8 x otel-multicloud:averageSpanBytes = 600 bytes x 3 decoded in memory, "
            + "plus 4 KB of decision caches): raise otel-multicloud:taskMemory (a Fargate pair with otel-multicloud:taskCpu) "
            + "or lower otel-multicloud:decisionWaitSeconds; beyond one task, use the tiered topology."],
            problems);
    }

    [Fact]
    public void Too_little_sampler_cpu()
    {
        // 2 x 1 vCPU x 8,000 = 16,000 spans/s; 1000 x 20 = 20,000 spans/s needs 2.5 vCPU: 3 tasks.
        var problems = Problems(Examples.ProdTraffic(spansPerTrace: 20), Examples.ProdSampling(), Tiers());

        Assert.Equal(
            ["otel-multicloud:samplerMinTasks = 2 x otel-multicloud:samplerTaskCpu = 1024 (1 vCPU) handle 16,000 spans/s with tail sampling (8,000 per vCPU), "
            + "but otel-multicloud:expectedNewTracesPerSec = 1000 x otel-multicloud:spansPerTrace = 20 sends 20,000 spans/s: "
            + "raise otel-multicloud:samplerMinTasks to at least 3 or raise otel-multicloud:samplerTaskCpu."],
            problems);
    }

    [Fact]
    public void Too_little_cpu_on_the_single_task()
    {
        var problems = Problems(Examples.ProdTraffic(), Examples.ProdSampling(), CollectorTopology.Single(512, 4096));

        Assert.Equal(
            ["otel-multicloud:taskCpu = 512 (0.5 vCPU) handles 4,000 spans/s with tail sampling (8,000 per vCPU), "
            + "but otel-multicloud:expectedNewTracesPerSec = 1000 x otel-multicloud:spansPerTrace = 8 sends 8,000 spans/s: "
            + "raise otel-multicloud:taskCpu (a Fargate pair with otel-multicloud:taskMemory), or use the tiered topology."],
            problems);
    }

    [Fact]
    public void Too_little_router_cpu()
    {
        // 2 x 0.5 vCPU x 10,000 = 10,000 spans/s; 12,000 spans/s needs 1.2 vCPU: 3 half-vCPU tasks.
        var problems = Problems(Examples.ProdTraffic(spansPerTrace: 12), Examples.ProdSampling(),
            Tiers(router: new TierSize(512, 1024, 2, 4), sampler: new TierSize(2048, 4096, 2, 6)));

        Assert.Equal(
            ["otel-multicloud:routerMinTasks = 2 x otel-multicloud:routerTaskCpu = 512 (0.5 vCPU) handle 10,000 spans/s routing (10,000 per vCPU), "
            + "but otel-multicloud:expectedNewTracesPerSec = 1000 x otel-multicloud:spansPerTrace = 12 sends 12,000 spans/s: "
            + "raise otel-multicloud:routerMinTasks to at least 3 or raise otel-multicloud:routerTaskCpu."],
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
            Tiers(router: new TierSize(1024, 128, 2, 4), sampler: new TierSize(2048, 128, 2, 6)));

        var error = Assert.Throws<UserError>(() => CapacityCheck.EnsureHolds(report, "Pulumi.prod.yaml"));

        Assert.StartsWith("Pulumi.prod.yaml: otel-multicloud:samplerTaskMemory = 128 MiB leaves no room for traces", error.Message);
        Assert.EndsWith("Raise otel-multicloud:samplerTaskMemory. (1 more capacity problem after this one.)", error.Message);
    }
}
