using System.Text.Json;

namespace Infra.Cost.Billing;

/// <summary>
/// The log event CloudWatch stores for one span in aws/spans: AWS documents that spans are "stored in the semantic
/// convention format with W3C trace IDs" as structured logs (docs.aws.amazon.com AmazonCloudWatch
/// CloudWatch-Transaction-Search.html, read 2026-12-07) but publishes no schema; the field set here is OTLP's span with
/// attributes as maps, as public samples of aws/spans events show (resource.attributes, traceId, spanId, parentSpanId,
/// name, durationNano, attributes), plus the OTLP fields they elide (scope, flags, kind, times, status).
/// </summary>
public static class SpanLogRecord
{
    /// <summary>The event's size in bytes (UTF-8).</summary>
    public static int Bytes(MeasuredSpan span) => System.Text.Encoding.UTF8.GetByteCount(Json(span));

    public static string Json(MeasuredSpan span) => JsonRecord.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartObject("resource");
        writer.WriteStartObject("attributes");
        foreach (var (key, value) in span.Resource)
        {
            writer.WriteString(key, value);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject("scope");
        writer.WriteString("name", span.ScopeName);
        writer.WriteEndObject();
        writer.WriteString("traceId", span.TraceId);
        writer.WriteString("spanId", span.SpanId);
        writer.WriteString("parentSpanId", span.ParentSpanId);
        writer.WriteNumber("flags", MeasuredSpan.Flags);
        writer.WriteString("name", span.Name);
        writer.WriteString("kind", span.Kind["SPAN_KIND_".Length..]);
        writer.WriteNumber("startTimeUnixNano", span.StartUnixNano);
        writer.WriteNumber("endTimeUnixNano", span.EndUnixNano);
        writer.WriteNumber("durationNano", span.DurationNano);
        writer.WriteStartObject("attributes");
        foreach (var (key, value) in span.Attributes)
        {
            JsonRecord.WriteValue(writer, key, value);
        }
        writer.WriteEndObject();
        writer.WriteStartObject("status");
        writer.WriteString("code", "UNSET");
        writer.WriteEndObject();
        writer.WriteEndObject();
    });
}
