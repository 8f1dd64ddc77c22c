using StatusCode = OpenTelemetry.Proto.Trace.V1.Status.Types.StatusCode;

namespace Multicloud.Tracing.Tests.EndToEnd;

/// <summary>
/// By default the kit records every span whatever the caller's sampled flag, so the collector's tail sampling has
/// the whole trace to decide on: a request arriving with traceparent flags 00 still gives spans from both services.
/// </summary>
[Collection(DefaultSamplingCollection.Name)]
public sealed class UnsampledCallerByDefaultTests(TransactionFixture fixture)
{
    [Fact]
    public void A_traceparent_with_flags_00_gives_spans_from_both_services_in_the_callers_trace()
    {
        Assert.Equal(200, fixture.Unsampled.Status);
        Assert.Equal(fixture.UnsampledCaller.TraceId, fixture.Unsampled.TraceId);
        var trace = fixture.TraceOf(fixture.Unsampled);
        Assert.Equal(3, trace.Count);
        var (edgeServer, edgeClient, ingestServer) = Hops.Of(trace);

        Assert.Equal(fixture.UnsampledCaller.SpanId, edgeServer.ParentSpanId);
        Assert.Equal(edgeServer.SpanId, edgeClient.ParentSpanId);
        Assert.Equal(edgeClient.SpanId, ingestServer.ParentSpanId);
    }

    [Fact]
    public void An_error_under_an_unsampled_caller_reaches_the_collector_as_error_spans()
    {
        Assert.Equal(502, fixture.UnsampledFailing.Status);
        var (edgeServer, edgeClient, ingestServer) = Hops.Of(fixture.TraceOf(fixture.UnsampledFailing));

        Assert.Equal(fixture.UnsampledFailingCaller.TraceId, edgeServer.TraceId);
        Assert.Equal(StatusCode.Error, ingestServer.Span.Status.Code);
        Assert.Equal(StatusCode.Error, edgeClient.Span.Status.Code);
        Assert.Equal(StatusCode.Error, edgeServer.Span.Status.Code);
    }

    [Fact]
    public void The_edge_passes_the_callers_trace_on_marked_sampled()
    {
        // Recording a span samples it (flags 01): services downstream record too, whatever their sampling.
        var edgeClient = Hops.Of(fixture.TraceOf(fixture.Unsampled)).EdgeClient;
        var sent = fixture.Wire.Requests.Single(headers => headers.TryGetValue("traceparent", out var value) && value.Contains(fixture.UnsampledCaller.TraceId, StringComparison.Ordinal));

        Assert.Equal($"00-{fixture.UnsampledCaller.TraceId}-{edgeClient.SpanId}-01", sent["traceparent"]);
    }
}
