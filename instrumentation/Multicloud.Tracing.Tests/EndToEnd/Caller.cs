using System.Diagnostics;

namespace Multicloud.Tracing.Tests.EndToEnd;

/// <summary>An upstream caller of the edge, known only by the traceparent it sends.</summary>
public sealed record Caller(string TraceId, string SpanId, bool Sampled)
{
    /// <summary>A caller in a trace of its own, so that each transaction's spans can be told apart.</summary>
    public static Caller Random(bool sampled) =>
        new(ActivityTraceId.CreateRandom().ToHexString(), ActivitySpanId.CreateRandom().ToHexString(), sampled);

    /// <summary>The W3C header: version 00, then the trace flags, 01 when sampled and 00 when not.</summary>
    public string Traceparent => $"00-{this.TraceId}-{this.SpanId}-{(this.Sampled ? "01" : "00")}";
}
