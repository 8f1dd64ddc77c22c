namespace Infra.Cost.Billing;

/// <summary>
/// How a backend's record of a span grows with the span, measured on the kit's spans (<see cref="MeasuredSpans"/>):
/// what a record costs before any attribute (<see cref="FixedBytes"/>: IDs, times, names, the envelope, the resource),
/// and how many record bytes each wire byte of attributes becomes (<see cref="BytesPerAttributeWireByte"/>). A span of
/// <c>averageSpanBytes</c> on the wire is taken to carry its bytes beyond the measured spans' attribute-free wire size
/// (<see cref="FixedWireBytes"/>) as attributes like the measured ones. Each figure is the mean over the measured spans.
/// </summary>
public sealed record RecordGrowth(double FixedBytes, double FixedWireBytes, double BytesPerAttributeWireByte, double MeasuredRecordBytes, double MeasuredWireBytes)
{
    public static RecordGrowth Measure(Func<MeasuredSpan, int> recordBytes)
    {
        var spans = MeasuredSpans.All;
        var record = spans.Average(span => (double)recordBytes(span));
        var bare = spans.Average(span => (double)recordBytes(span.WithoutAttributes()));
        var wire = spans.Average(span => (double)OtlpSpanSize.Of(span));
        var bareWire = spans.Average(span => (double)OtlpSpanSize.Of(span.WithoutAttributes()));
        return new RecordGrowth(bare, bareWire, (record - bare) / (wire - bareWire), record, wire);
    }

    /// <summary>The record of a span of <paramref name="wireBytes"/> on the wire.</summary>
    public double BytesFor(double wireBytes) => FixedBytes + Math.Max(0, wireBytes - FixedWireBytes) * BytesPerAttributeWireByte;
}
