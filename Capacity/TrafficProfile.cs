namespace Infra.Capacity;

/// <summary>The declared load: what the senders emit, before any sampling.</summary>
public sealed record TrafficProfile
{
    public TrafficProfile(double tracesPerSecond, double spansPerTrace, double averageSpanBytes, double errorTraceShare, double slowTraceShare)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tracesPerSecond);
        ArgumentOutOfRangeException.ThrowIfLessThan(spansPerTrace, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(averageSpanBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(errorTraceShare);
        ArgumentOutOfRangeException.ThrowIfNegative(slowTraceShare);
        if (errorTraceShare + slowTraceShare > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(slowTraceShare), "error and slow trace shares add up to more than 1");
        }
        TracesPerSecond = tracesPerSecond;
        SpansPerTrace = spansPerTrace;
        AverageSpanBytes = averageSpanBytes;
        ErrorTraceShare = errorTraceShare;
        SlowTraceShare = slowTraceShare;
    }

    public double TracesPerSecond { get; }

    public double SpansPerTrace { get; }

    /// <summary>Average size of one span on the wire (OTLP protobuf), in bytes.</summary>
    public double AverageSpanBytes { get; }

    /// <summary>Share of traces with an error span (kept by the status_code policy).</summary>
    public double ErrorTraceShare { get; }

    /// <summary>Share of traces over the latency threshold (kept by the latency policy).</summary>
    public double SlowTraceShare { get; }

    public double SpansPerSecond => TracesPerSecond * SpansPerTrace;

    public double BytesPerSecond => SpansPerSecond * AverageSpanBytes;
}
