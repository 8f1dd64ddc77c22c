namespace Infra.Cost.Billing;

/// <summary>One span as the tracing kit sends it: the fields a backend stores for it, with its resource and scope.</summary>
public sealed record MeasuredSpan(
    string Kind,
    string Name,
    string ScopeName,
    string TraceId,
    string SpanId,
    string ParentSpanId,
    ulong StartUnixNano,
    ulong EndUnixNano,
    IReadOnlyDictionary<string, object> Attributes,
    IReadOnlyDictionary<string, string> Resource)
{
    /// <summary>W3C trace flags (sampled) with the OTLP "parent is remote" bits the .NET exporter sets.</summary>
    public const uint Flags = 0x301;

    public ulong DurationNano => EndUnixNano - StartUnixNano;

    /// <summary>The same span without attributes: what a record costs before them.</summary>
    public MeasuredSpan WithoutAttributes() => this with { Attributes = new Dictionary<string, object>() };
}
