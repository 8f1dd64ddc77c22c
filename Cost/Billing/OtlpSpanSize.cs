using System.Text;

namespace Infra.Cost.Billing;

/// <summary>
/// The bytes one span takes on the wire: its OTLP protobuf encoding inside a batch (opentelemetry-proto
/// opentelemetry/proto/trace/v1/trace.proto: Span, KeyValue, AnyValue), with the field tag and length that embed it in
/// ScopeSpans. The resource and scope are sent once per batch and are not counted. An unset status is not sent.
/// </summary>
public static class OtlpSpanSize
{
    public static int Of(MeasuredSpan span)
    {
        var body = Bytes(1, 16) + Bytes(2, 8) + Bytes(4, 8)   // trace_id, span_id, parent_span_id
            + 2 + 4                                            // flags (field 16, fixed32)
            + Bytes(5, Encoding.UTF8.GetByteCount(span.Name))  // name
            + 1 + 1                                            // kind (enum)
            + 1 + 8 + 1 + 8                                    // start and end time (fixed64)
            + span.Attributes.Sum(attribute => Bytes(9, KeyValue(attribute.Key, attribute.Value)));
        return Bytes(2, body);
    }

    private static int KeyValue(string key, object value) => Bytes(1, Encoding.UTF8.GetByteCount(key)) + Bytes(2, AnyValue(value));

    private static int AnyValue(object value) => value switch
    {
        string text => Bytes(1, Encoding.UTF8.GetByteCount(text)),
        bool => 1 + 1,
        long number => 1 + Varint(unchecked((ulong)number)),
        double => 1 + 8,
        _ => throw new ArgumentException($"no OTLP encoding for {value.GetType().Name}", nameof(value)),
    };

    /// <summary>A length-delimited field: its tag (fields 1..15 take one byte), its length as a varint, its bytes.</summary>
    private static int Bytes(int field, int length) => (field < 16 ? 1 : 2) + Varint((ulong)length) + length;

    private static int Varint(ulong value)
    {
        var bytes = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            bytes++;
        }
        return bytes;
    }
}
