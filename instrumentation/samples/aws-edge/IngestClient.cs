using System.Diagnostics;
using System.Text.Json;

namespace AwsEdge;

/// <summary>Where the Azure ingest service listens.</summary>
internal sealed record IngestTarget(Uri Url);

/// <summary>
/// Posts an order to the Azure ingest service (the seed's invoke_azure_downstream). The HttpClient instrumentation
/// makes the client span and sends traceparent; on failure this also records the exception on the request's span and
/// marks it ERROR, so tail sampling keeps the trace.
/// </summary>
internal sealed class IngestClient(HttpClient http, IngestTarget target)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<IResult> ForwardAsync(JsonElement order, CancellationToken cancellation)
    {
        var span = Activity.Current;
        var traceId = span?.TraceId.ToHexString();
        try
        {
            using var response = await http.PostAsJsonAsync(target.Url, order, cancellation);
            response.EnsureSuccessStatusCode();
            return Results.Ok(new { traceId, ingestStatus = (int)response.StatusCode });
        }
        catch (Exception error) when (error is HttpRequestException || (error is TaskCanceledException && !cancellation.IsCancellationRequested))
        {
            span?.AddException(error);
            span?.SetStatus(ActivityStatusCode.Error, "azure ingest call failed");
            return Results.Json(new { traceId, error = error.Message }, statusCode: StatusCodes.Status502BadGateway);
        }
    }
}
