using OpenTelemetry.Proto.Trace.V1;

namespace Multicloud.Verify.Tests.Fakes;

/// <summary>
/// What the collector does with what the ingress took, reduced to the switches the failure cases need: tail sampling
/// keeps spans with multicloud.canary = true (a boolean), then each backend gets them or not, and the Azure-bound
/// transform names a CLIENT span's dependency by the path of url.full or leaves it as the bare method.
/// </summary>
public sealed class FakePipeline
{
    private readonly List<ReceivedSpan> kept = [];
    private int azureLooks;

    public bool ToXRay { get; set; } = true;

    public bool ToAzure { get; set; } = true;

    public bool NameDependenciesByRoute { get; set; } = true;

    /// <summary>Application Insights' ingestion delay, as a number of queries that still find nothing.</summary>
    public int AzureEmptyLooks { get; set; } = 1;

    public void Receive(IReadOnlyList<ReceivedSpan> spans)
    {
        lock (this.kept)
        {
            this.kept.AddRange(spans.Where(s => s.Attribute("multicloud.canary") is { ValueCase: OpenTelemetry.Proto.Common.V1.AnyValue.ValueOneofCase.BoolValue, BoolValue: true }));
        }
    }

    public IReadOnlyList<ReceivedSpan> XRaySpans(string traceId)
    {
        lock (this.kept)
        {
            return this.ToXRay ? this.kept.Where(s => s.TraceId == traceId).ToList() : [];
        }
    }

    /// <summary>AppRequests and AppDependencies rows for the trace, as the azure_monitor exporter would write them.</summary>
    public IReadOnlyList<(string Table, string Name, string Id, string ParentId, string Role)> AzureRows(string traceId)
    {
        lock (this.kept)
        {
            if (!this.ToAzure || this.azureLooks++ < this.AzureEmptyLooks)
            {
                return [];
            }

            return this.kept.Where(s => s.TraceId == traceId && s.Span.Kind is Span.Types.SpanKind.Client or Span.Types.SpanKind.Server)
                .Select(s => (s.Span.Kind == Span.Types.SpanKind.Server ? "AppRequests" : "AppDependencies", Name(s), s.SpanId, s.ParentSpanId, s.Service))
                .ToList();
        }
    }

    private string Name(ReceivedSpan span)
    {
        var method = span.StringAttribute("http.request.method") ?? span.Span.Name;
        var route = span.StringAttribute("http.route");
        if (route is null && span.Span.Kind == Span.Types.SpanKind.Client && this.NameDependenciesByRoute && span.StringAttribute("url.full") is { } url)
        {
            route = new Uri(url).AbsolutePath;
        }

        return route is null ? method : $"{method} {route}";
    }
}
