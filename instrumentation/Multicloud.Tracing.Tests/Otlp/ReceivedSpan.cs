using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Trace.V1;

namespace Multicloud.Tracing.Tests.Otlp;

/// <summary>One span as the receiver decoded it, with its resource and how it arrived.</summary>
public sealed record ReceivedSpan(Span Span, IReadOnlyDictionary<string, string> Resource, string Transport, string? Authorization)
{
    public string TraceId => Convert.ToHexStringLower(this.Span.TraceId.Span);

    public string SpanId => Convert.ToHexStringLower(this.Span.SpanId.Span);

    public string ParentSpanId => Convert.ToHexStringLower(this.Span.ParentSpanId.Span);

    public string ServiceName => this.Resource["service.name"];

    public TimeSpan Duration => TimeSpan.FromTicks((long)(this.Span.EndTimeUnixNano - this.Span.StartTimeUnixNano) / 100);

    public static IReadOnlyDictionary<string, string> Flatten(IEnumerable<KeyValue> attributes) =>
        attributes.ToDictionary(a => a.Key, a => a.Value.ValueCase == AnyValue.ValueOneofCase.StringValue ? a.Value.StringValue : a.Value.ToString());

    public override string ToString() =>
        $"{this.ServiceName} {this.Span.Kind} '{this.Span.Name}' trace={this.TraceId} span={this.SpanId} parent={this.ParentSpanId} status={this.Span.Status?.Code} via {this.Transport}";
}
