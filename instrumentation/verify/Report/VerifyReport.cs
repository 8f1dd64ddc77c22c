namespace Multicloud.Verify.Report;

/// <summary>The result of one run: a verdict per hop, the canary's trace ID and delay, and whether the metrics went out.</summary>
internal sealed record VerifyReport(string Stack, string XRayExport, string? TraceId, IReadOnlyList<HopResult> Hops, bool CrossCloudTraceSeen, TimeSpan? EndToEndDelay, string MetricsStatus, bool MetricsFailed)
{
    public bool Ok => this.Hops.All(h => h.Ok) && !this.MetricsFailed;
}
