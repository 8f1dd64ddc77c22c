using CsCheck;
using Infra.Capacity;
using Infra.Cost;
using Infra.Tests.Capacity;

namespace Infra.Tests.Cost;

/// <summary>Properties over generated loads: more traffic or a higher sampling percentage never costs less or needs fewer tasks.</summary>
public class MonotonicityTests
{
    private static readonly Gen<TrafficProfile> Traffic = Gen.Select(
        Gen.Double[1, 50_000], Gen.Double[1, 40], Gen.Double[100, 4_000], Gen.Double[0, 0.3], Gen.Double[0, 0.3],
        (traces, spans, bytes, errors, slow) => new TrafficProfile(traces, spans, bytes, errors, slow));

    private static readonly Gen<SamplingProfile> Sampling = Gen.Select(Gen.Double[0, 100], Gen.Int[1, 120], (p, wait) => new SamplingProfile(p, wait));

    private static readonly Gen<double> Growth = Gen.Double[1, 20];

    private static TrafficProfile Scaled(TrafficProfile t, double factor) =>
        new(t.TracesPerSecond * factor, t.SpansPerTrace, t.AverageSpanBytes, t.ErrorTraceShare, t.SlowTraceShare);

    private static CostReport Cost(TrafficProfile traffic, SamplingProfile sampling) =>
        CostModel.Compute(CapacityModel.Compute(traffic, sampling, Examples.ProdTiers(), Examples.ProdPlanning()), Examples.ProdCostInputs("us-east-1", "eastus"));

    /// <summary>Tasks a tier needs at peak; no count of this size is the most.</summary>
    private static int Needed(TierReport tier) => tier.PeakTasksNeeded ?? int.MaxValue;

    [Fact]
    public void More_traffic_never_costs_less()
    {
        Gen.Select(Traffic, Sampling, Growth).Sample((traffic, sampling, growth) =>
        {
            var less = Cost(traffic, sampling);
            var more = Cost(Scaled(traffic, growth), sampling);
            Assert.True(more.SampledTotal >= less.SampledTotal, $"sampled {more.SampledTotal} < {less.SampledTotal}");
            Assert.True(more.KeepAllTotal >= less.KeepAllTotal, $"keep-all {more.KeepAllTotal} < {less.KeepAllTotal}");
        });
    }

    [Fact]
    public void A_higher_sampling_percentage_never_costs_less()
    {
        Gen.Select(Traffic, Sampling, Gen.Double[0, 100]).Sample((traffic, sampling, other) =>
        {
            var (low, high) = sampling.SamplingPercentage <= other
                ? (sampling, new SamplingProfile(other, sampling.DecisionWaitSeconds))
                : (new SamplingProfile(other, sampling.DecisionWaitSeconds), sampling);
            Assert.True(Cost(traffic, high).SampledTotal >= Cost(traffic, low).SampledTotal);
        });
    }

    [Fact]
    public void Keeping_everything_never_costs_less_than_sampling()
    {
        Gen.Select(Traffic, Sampling).Sample((traffic, sampling) => Assert.True(Cost(traffic, sampling).Saving >= 0));
    }

    [Fact]
    public void More_traffic_never_needs_fewer_tasks()
    {
        Gen.Select(Traffic, Sampling, Growth).Sample((traffic, sampling, growth) =>
        {
            var less = CapacityModel.Compute(traffic, sampling, Examples.ProdTiers(), Examples.ProdPlanning());
            var more = CapacityModel.Compute(Scaled(traffic, growth), sampling, Examples.ProdTiers(), Examples.ProdPlanning());
            Assert.True(Needed(more.Sampler) >= Needed(less.Sampler), $"sampler {Needed(more.Sampler)} < {Needed(less.Sampler)}");
            Assert.True(Needed(more.Router!) >= Needed(less.Router!), $"router {Needed(more.Router!)} < {Needed(less.Router!)}");
            // num_traces is not monotone: more traffic can add a task at peak, and each task then holds a smaller share.
        });
    }

    [Fact]
    public void A_longer_decision_wait_never_needs_fewer_sampler_tasks()
    {
        Gen.Select(Traffic, Sampling, Gen.Int[1, 120]).Sample((traffic, sampling, otherWait) =>
        {
            var shortWait = Math.Min(sampling.DecisionWaitSeconds, otherWait);
            var longWait = Math.Max(sampling.DecisionWaitSeconds, otherWait);
            var fewer = CapacityModel.Compute(traffic, new SamplingProfile(sampling.SamplingPercentage, shortWait), Examples.ProdTiers(), Examples.ProdPlanning());
            var more = CapacityModel.Compute(traffic, new SamplingProfile(sampling.SamplingPercentage, longWait), Examples.ProdTiers(), Examples.ProdPlanning());
            Assert.True(Needed(more.Sampler) >= Needed(fewer.Sampler));
        });
    }
}
