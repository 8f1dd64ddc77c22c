using Multicloud.Tracing.Tests.Otlp;
using SpanKind = OpenTelemetry.Proto.Trace.V1.Span.Types.SpanKind;

namespace Multicloud.Tracing.Tests.EndToEnd;

/// <summary>The three spans of one transaction: the edge's server and client spans, and the ingest's server span.</summary>
public sealed record Hops(ReceivedSpan EdgeServer, ReceivedSpan EdgeClient, ReceivedSpan IngestServer)
{
    public static Hops Of(IReadOnlyList<ReceivedSpan> trace) => new(
        Assert.Single(trace, s => s.ServiceName == "aws-edge" && s.Span.Kind == SpanKind.Server),
        Assert.Single(trace, s => s.ServiceName == "aws-edge" && s.Span.Kind == SpanKind.Client),
        Assert.Single(trace, s => s.ServiceName == "azure-ingest" && s.Span.Kind == SpanKind.Server));
}
