using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Multicloud.Tracing.Tests.Kit;

/// <summary>The sampler each setting chooses, judged by its decisions for every kind of parent.</summary>
public sealed class SamplingTests
{
    public enum Parent
    {
        None,
        RemoteSampled,
        RemoteUnsampled,
        LocalSampled,
        LocalUnsampled,
    }

    public static TheoryData<bool, Parent, SamplingDecision> Decisions => new()
    {
        // Default: everything is recorded and sampled; the collector's tail sampling decides.
        { false, Parent.None, SamplingDecision.RecordAndSample },
        { false, Parent.RemoteSampled, SamplingDecision.RecordAndSample },
        { false, Parent.RemoteUnsampled, SamplingDecision.RecordAndSample },
        { false, Parent.LocalSampled, SamplingDecision.RecordAndSample },
        { false, Parent.LocalUnsampled, SamplingDecision.RecordAndSample },
        // Parent-based: a root is recorded, otherwise the parent's flag is followed.
        { true, Parent.None, SamplingDecision.RecordAndSample },
        { true, Parent.RemoteSampled, SamplingDecision.RecordAndSample },
        { true, Parent.RemoteUnsampled, SamplingDecision.Drop },
        { true, Parent.LocalSampled, SamplingDecision.RecordAndSample },
        { true, Parent.LocalUnsampled, SamplingDecision.Drop },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void The_sampler_for_each_setting_decides_by_the_parent_as_documented(bool parentBased, Parent parent, SamplingDecision expected)
    {
        var traceId = ActivityTraceId.CreateRandom();
        var context = parent switch
        {
            Parent.None => default,
            _ => new ActivityContext(
                traceId,
                ActivitySpanId.CreateRandom(),
                parent is Parent.RemoteSampled or Parent.LocalSampled ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None,
                isRemote: parent is Parent.RemoteSampled or Parent.RemoteUnsampled),
        };

        var decision = Sampling.For(parentBased).ShouldSample(new SamplingParameters(context, traceId, "POST /api/orders", ActivityKind.Server)).Decision;

        Assert.Equal(expected, decision);
    }

}
