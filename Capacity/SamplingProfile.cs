namespace Infra.Capacity;

/// <summary>The tail-sampling settings that shape memory and the kept volume.</summary>
public sealed record SamplingProfile
{
    public SamplingProfile(double samplingPercentage, int decisionWaitSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(samplingPercentage);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(samplingPercentage, 100);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(decisionWaitSeconds);
        SamplingPercentage = samplingPercentage;
        DecisionWaitSeconds = decisionWaitSeconds;
    }

    /// <summary>Baseline share (0..100) of the traces that are neither errors nor slow.</summary>
    public double SamplingPercentage { get; }

    public int DecisionWaitSeconds { get; }

    /// <summary>The same settings with every trace kept: the baseline for the saving.</summary>
    public SamplingProfile KeepingEverything() => new(100, DecisionWaitSeconds);

    /// <summary>
    /// Share of traces kept. The policies are OR'ed (status_code, latency, probabilistic); error and slow traces are
    /// assumed disjoint, so kept = error + slow + baseline x (the rest). Overlap would keep fewer, so this errs high.
    /// </summary>
    public double KeptTraceShare(TrafficProfile traffic)
    {
        var alwaysKept = traffic.ErrorTraceShare + traffic.SlowTraceShare;
        return alwaysKept + SamplingPercentage / 100 * (1 - alwaysKept);
    }
}
