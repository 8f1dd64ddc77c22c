using Multicloud.Verify.Aws;
using Multicloud.Verify.Azure;
using Multicloud.Verify.Canary;

namespace Multicloud.Verify.Checks;

/// <summary>When a backend has the whole canary trace.</summary>
internal static class Completeness
{
    /// <summary>X-Ray: both spans, by span ID.</summary>
    public static bool XRay(CanaryTrace trace, IReadOnlyList<FoundSpan> spans) =>
        spans.Any(s => s.SpanId == trace.AwsSpanId) && spans.Any(s => s.SpanId == trace.AzureSpanId);

    /// <summary>Application Insights: the Azure side's request and the AWS side's dependency (OperationId is the trace ID).</summary>
    public static bool Azure(IReadOnlyList<AppInsightsRow> rows) =>
        rows.Any(r => r.Table == AppInsightsRow.Requests) && rows.Any(r => r.Table == AppInsightsRow.Dependencies);
}
