using Infra.Capacity;
using Infra.Capacity.Faults;

namespace Infra.Tests.Capacity;

/// <summary>The fault figures plan prints, worked by hand for the prod-like stack (1000 traces/s x 8 spans x 600 bytes).</summary>
public class FaultModelTests
{
    private static readonly CollectorTopology Tiered = Examples.ProdTiers();

    [Fact]
    public void A_lost_sampler_stalls_its_share_for_one_refresh_and_one_backend_timeout()
    {
        var lost = LostSampler.For(Tiered, Examples.ProdTraffic(), Examples.ProdSampling())!;

        // 5 s refresh + 2 s timeout; 8,000 spans/s / 2 samplers x 7 s; 1,000 traces/s x 10 s / 2 held, half their 8 spans in.
        Assert.Equal(7, lost.StallSeconds);
        Assert.Equal(28_000, lost.SpansRerouted, 6);
        Assert.Equal(5_000, lost.TracesSplit, 6);
        Assert.Equal(20_000, lost.SpansLost, 6);
    }

    [Fact]
    public void A_single_collector_has_no_sampler_to_lose()
    {
        Assert.Null(LostSampler.For(CollectorTopology.Single(1024, 2048), Examples.ProdTraffic(), Examples.ProdSampling()));
    }

    [Fact]
    public void The_persistent_queues_hold_the_kept_bytes_of_the_outage_on_each_task()
    {
        // Kept 10% of 4.8 MB/s over 2 samplers: 240 kB/s per task per exporter; 30 min x 2 exporters x 2 on disk = 1.73 GB, so the 21 GiB floor.
        var rideThrough = OutageRideThrough.For(Tiered.Sampling, Examples.ProdTraffic(), keptTraceShare: 0.1, minutes: 30);

        Assert.Equal(240_000, rideThrough.ExportBytesPerSecondPerTask, 6);
        Assert.Equal(21, rideThrough.EphemeralStorageGiB);
        // 8,000 spans/s x 10% / 2 tasks = 400 kept spans/s per task / 512 per batch x 1,800 s = 1,406.25 batches.
        Assert.Equal(1407, rideThrough.QueueSizeBatches);
        Assert.Equal(1800, rideThrough.RideThroughSeconds);
    }

    [Fact]
    public void A_long_ride_through_grows_the_disk_and_past_200_gib_does_not_fit()
    {
        var day = OutageRideThrough.For(Tiered.Sampling, Examples.ProdTraffic(), keptTraceShare: 1, minutes: 1440);

        // 2.4 MB/s x 2 x 86,400 s x 2 = 829.4 GB = 772.5 GiB, + 5.
        Assert.Equal(778, day.EphemeralStorageGiB);
        Assert.False(day.FitsFargate);
    }

    [Fact]
    public void Without_persistence_the_in_memory_queue_and_the_retry_window_bound_the_ride_through()
    {
        var memory = OutageRideThrough.For(Tiered.Sampling, Examples.ProdTraffic(), keptTraceShare: 0.1, minutes: 0);

        // 1,000 batches at 0.78 batches/s = 1,280 s, but a batch is retried for 300 s only.
        Assert.Equal(300, memory.RideThroughSeconds);
        Assert.False(memory.Persistent);
        Assert.Equal(OutageRideThrough.InMemoryQueueBatches, memory.QueueSizeBatches);
    }

    [Theory]
    [InlineData(10, 25, 62)]
    [InlineData(105, 120, 62)]
    [InlineData(120, 120, 62)]
    public void Stop_timeouts_cover_the_work_and_stay_within_fargates_limit(int decisionWait, int sampler, int router)
    {
        Assert.Equal(sampler, StopTimeout.SecondsFor(Tiered.Sampling, decisionWait));
        Assert.Equal(router, StopTimeout.SecondsFor(Tiered.Routing!, decisionWait));
    }
}
