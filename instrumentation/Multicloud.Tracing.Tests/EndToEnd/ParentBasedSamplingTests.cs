namespace Multicloud.Tracing.Tests.EndToEnd;

/// <summary>
/// With parent-based sampling on (set through OTEL_TRACES_SAMPLER, as a deployment would), both services follow the
/// caller's sampled flag: a -00 caller gets no span from either, errors included; a -01 caller is recorded.
/// </summary>
public sealed class ParentBasedSamplingTests(ParentBasedSamplingFixture fixture) : IClassFixture<ParentBasedSamplingFixture>
{
    [Fact]
    public void A_traceparent_with_flags_00_gives_no_spans_from_either_service_errors_included()
    {
        // The requests went through both services and kept the caller's trace: nothing was recorded of it.
        Assert.Equal((200, fixture.UnsampledCaller.TraceId), (fixture.Unsampled.Status, fixture.Unsampled.TraceId));
        Assert.Equal((502, fixture.UnsampledFailingCaller.TraceId), (fixture.UnsampledFailing.Status, fixture.UnsampledFailing.TraceId));

        Assert.DoesNotContain(fixture.Spans, s => s.TraceId == fixture.UnsampledCaller.TraceId || s.TraceId == fixture.UnsampledFailingCaller.TraceId);
        // Nor did the ingest start a trace of its own for them.
        Assert.All(fixture.Spans, s => Assert.Equal(fixture.SampledCaller.TraceId, s.TraceId));
    }

    [Fact]
    public void A_traceparent_with_flags_01_still_gives_spans_from_both_services()
    {
        Assert.Equal(200, fixture.Sampled.Status);
        var (edgeServer, edgeClient, ingestServer) = Hops.Of([.. fixture.Spans.Where(s => s.TraceId == fixture.SampledCaller.TraceId)]);

        Assert.Equal(fixture.SampledCaller.SpanId, edgeServer.ParentSpanId);
        Assert.Equal(edgeServer.SpanId, edgeClient.ParentSpanId);
        Assert.Equal(edgeClient.SpanId, ingestServer.ParentSpanId);
    }

    [Fact]
    public void The_edge_passes_an_unsampled_callers_trace_on_still_marked_unsampled()
    {
        var sent = fixture.Wire.Requests
            .Select(headers => headers.GetValueOrDefault("traceparent"))
            .Where(traceparent => traceparent?.Contains(fixture.UnsampledCaller.TraceId, StringComparison.Ordinal) == true);

        var traceparent = Assert.Single(sent)!;
        Assert.StartsWith($"00-{fixture.UnsampledCaller.TraceId}-", traceparent, StringComparison.Ordinal);
        Assert.EndsWith("-00", traceparent, StringComparison.Ordinal);
    }
}
