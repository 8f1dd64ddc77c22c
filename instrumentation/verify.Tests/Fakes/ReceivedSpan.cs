using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Trace.V1;

namespace Multicloud.Verify.Tests.Fakes;

/// <summary>One span as the fake ingress decoded it, with its resource.</summary>
public sealed record ReceivedSpan(Span Span, IReadOnlyDictionary<string, AnyValue> Resource)
{
    public string TraceId => Convert.ToHexStringLower(this.Span.TraceId.Span);

    public string SpanId => Convert.ToHexStringLower(this.Span.SpanId.Span);

    public string ParentSpanId => Convert.ToHexStringLower(this.Span.ParentSpanId.Span);

    public string Service => this.Resource["service.name"].StringValue;

    public AnyValue? Attribute(string key) => this.Span.Attributes.FirstOrDefault(a => a.Key == key)?.Value;

    public string? StringAttribute(string key) => this.Attribute(key)?.StringValue;
}
