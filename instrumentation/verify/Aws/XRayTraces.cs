using System.Text.Json;

namespace Multicloud.Verify.Aws;

/// <summary>
/// Reads a trace from X-Ray with BatchGetTraces (POST /Traces, <c>{"TraceIds": [...]}</c>; the answer's
/// <c>Traces[].Segments[].Document</c> is each segment's JSON). The awsxray exporter writes one segment or subsegment
/// per span, whose <c>id</c> is the span ID; X-Ray names the trace <c>1-&lt;first 8 hex&gt;-&lt;other 24&gt;</c>.
/// </summary>
internal sealed class XRayTraces(AwsClient aws, Uri endpoint)
{
    public static string XRayTraceId(string traceId) => $"1-{traceId[..8]}-{traceId[8..]}";

    public async Task<IReadOnlyList<FoundSpan>> FindAsync(string traceId, CancellationToken cancellation)
    {
        using var answer = await aws.PostRestJsonAsync(AwsActions.BatchGetTraces, endpoint, "/Traces", new Dictionary<string, object> { ["TraceIds"] = new[] { XRayTraceId(traceId) } }, cancellation);
        var spans = new List<FoundSpan>();
        if (!answer.RootElement.TryGetProperty("Traces", out var traces) || traces.ValueKind != JsonValueKind.Array)
        {
            return spans;
        }

        foreach (var segment in traces.EnumerateArray().Where(t => t.TryGetProperty("Segments", out _)).SelectMany(t => t.GetProperty("Segments").EnumerateArray()))
        {
            if (segment.TryGetProperty("Document", out var document) && document.GetString() is { } text)
            {
                using var parsed = JsonDocument.Parse(text);
                Collect(parsed.RootElement, parentId: null, spans);
            }
        }

        return spans;
    }

    // A segment document may nest subsegments; each one is a span.
    private static void Collect(JsonElement segment, string? parentId, List<FoundSpan> spans)
    {
        if (segment.TryGetProperty("id", out var id) && id.GetString() is { } spanId)
        {
            var parent = segment.TryGetProperty("parent_id", out var p) ? p.GetString() : parentId;
            var name = segment.TryGetProperty("name", out var n) ? n.GetString() : null;
            spans.Add(new FoundSpan(spanId, parent, name));
            if (segment.TryGetProperty("subsegments", out var children) && children.ValueKind == JsonValueKind.Array)
            {
                foreach (var child in children.EnumerateArray())
                {
                    Collect(child, spanId, spans);
                }
            }
        }
    }
}
