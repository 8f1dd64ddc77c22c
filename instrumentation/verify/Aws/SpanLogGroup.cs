using System.Text.Json;

namespace Multicloud.Verify.Aws;

/// <summary>
/// Finds a trace's spans in <c>aws/spans</c>, where X-Ray's OTLP endpoint stores every span once CloudWatch
/// Transaction Search is on (only a share is indexed as X-Ray trace summaries, so BatchGetTraces may never see the
/// canary). Spans there keep their W3C IDs and OpenTelemetry field names (<c>traceId</c>, <c>spanId</c>,
/// <c>parentSpanId</c>, <c>name</c>, <c>resource.attributes.service.name</c>; AWS documents Logs Insights queries
/// such as <c>filter ... | fields @timestamp, name, traceId, spanId, parentSpanId</c> on this log group).
/// </summary>
internal sealed class SpanLogGroup(AwsClient aws, Uri endpoint, TimeProvider clock)
{
    public const string LogGroupName = "aws/spans";

    private static readonly TimeSpan ResultPoll = TimeSpan.FromSeconds(1);

    public static string Query(string traceId) =>
        $"fields traceId, spanId, parentSpanId, name, resource.attributes.service.name | filter traceId = \"{traceId}\" | limit 50";

    public async Task<IReadOnlyList<FoundSpan>> FindAsync(string traceId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellation)
    {
        using var started = await aws.PostJson11Async(AwsActions.StartQuery, endpoint, "Logs_20140328.StartQuery", new Dictionary<string, object>
        {
            ["logGroupNames"] = new[] { LogGroupName },
            ["startTime"] = from.ToUnixTimeSeconds(),
            ["endTime"] = to.ToUnixTimeSeconds(),
            ["queryString"] = Query(traceId),
            ["limit"] = 50,
        }, cancellation);
        var queryId = started.RootElement.TryGetProperty("queryId", out var id) ? id.GetString() : null;
        if (string.IsNullOrEmpty(queryId))
        {
            throw new AwsCallException(AwsActions.StartQuery.Permission, 200, "NoQueryId", "StartQuery answered without a queryId");
        }

        // A query runs asynchronously; its status is Scheduled or Running until Complete (GetQueryResults).
        while (true)
        {
            using var results = await aws.PostJson11Async(AwsActions.GetQueryResults, endpoint, "Logs_20140328.GetQueryResults", new Dictionary<string, object> { ["queryId"] = queryId }, cancellation);
            var status = results.RootElement.TryGetProperty("status", out var s) ? s.GetString() : null;
            switch (status)
            {
                case "Complete":
                    return Spans(results.RootElement);
                case "Scheduled" or "Running" or null:
                    await Task.Delay(ResultPoll, clock, cancellation);
                    break;
                default:
                    throw new AwsCallException(AwsActions.GetQueryResults.Permission, 200, $"Query{status}", $"the Logs Insights query on {LogGroupName} ended {status}");
            }
        }
    }

    private static List<FoundSpan> Spans(JsonElement root)
    {
        var spans = new List<FoundSpan>();
        if (!root.TryGetProperty("results", out var rows) || rows.ValueKind != JsonValueKind.Array)
        {
            return spans;
        }

        foreach (var row in rows.EnumerateArray())
        {
            var fields = row.EnumerateArray()
                .Where(f => f.TryGetProperty("field", out _) && f.TryGetProperty("value", out _))
                .ToDictionary(f => f.GetProperty("field").GetString()!, f => f.GetProperty("value").GetString());
            if (fields.GetValueOrDefault("spanId") is { Length: > 0 } spanId)
            {
                spans.Add(new FoundSpan(spanId, fields.GetValueOrDefault("parentSpanId"), fields.GetValueOrDefault("resource.attributes.service.name")));
            }
        }

        return spans;
    }
}
