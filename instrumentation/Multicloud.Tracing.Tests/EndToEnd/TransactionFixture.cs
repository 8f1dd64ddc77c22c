using System.Net.Http.Json;
using System.Text.Json;
using Multicloud.Tracing.Tests.Otlp;

namespace Multicloud.Tracing.Tests.EndToEnd;

/// <summary>
/// Runs the samples with the kit's defaults and sends six transactions through the edge: two from an unsampled caller
/// (traceparent ending -00), one of them failing, then ordinary, ingest failing, ingest slow, and one from a sampled
/// caller (-01). Waits until every span of the last four has been exported, and so any of the first two.
/// </summary>
public sealed class TransactionFixture : IAsyncLifetime
{
    /// <summary>A trace ID that is not an X-Ray one (its first 8 hex digits are no recent time).</summary>
    public const string IncomingTraceId = "0af7651916cd43dd8448eb211c80319c";
    public const string IncomingParentSpanId = "b7ad6b7169203331";

    private SampleDeployment deployment = null!;

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
    public HeaderRecordingForwarder Wire => this.deployment.Wire;
    public IReadOnlyList<ReceivedSpan> Spans { get; private set; } = [];
    public Transaction Ordinary { get; private set; } = null!;
    public Transaction Failing { get; private set; } = null!;
    public Transaction Slow { get; private set; } = null!;
    public Transaction Continued { get; private set; } = null!;
    public Caller UnsampledCaller { get; } = Caller.Random(sampled: false);
    public Transaction Unsampled { get; private set; } = null!;
    public Caller UnsampledFailingCaller { get; } = Caller.Random(sampled: false);
    public Transaction UnsampledFailing { get; private set; } = null!;
    public IReadOnlyList<Transaction> All => [this.Ordinary, this.Failing, this.Slow, this.Continued, this.Unsampled, this.UnsampledFailing];

    public async Task InitializeAsync()
    {
        this.deployment = await SampleDeployment.StartAsync();
        var edge = this.deployment.Edge;
        this.Unsampled = await Transaction.SendAsync(edge, new { item = "ink" }, this.UnsampledCaller.Traceparent);
        this.UnsampledFailing = await Transaction.SendAsync(edge, new { item = "ink", simulate = "fail" }, this.UnsampledFailingCaller.Traceparent);
        this.Ordinary = await Transaction.SendAsync(edge, new { item = "book" });
        this.Failing = await Transaction.SendAsync(edge, new { item = "book", simulate = "fail" });
        this.Slow = await Transaction.SendAsync(edge, new { item = "book", simulate = "slow" });
        this.Continued = await Transaction.SendAsync(edge, new { item = "pen" }, $"00-{IncomingTraceId}-{IncomingParentSpanId}-01");

        // Each sample exports its spans in the order they end, so once the traces sent after the unsampled callers'
        // have arrived, theirs have too if they were recorded: their tests fail on what is missing, not on a timeout.
        this.Spans = await this.deployment.WaitForTracesAsync([.. new[] { this.Ordinary, this.Failing, this.Slow, this.Continued }.Select(t => t.TraceId)], spansEach: 3);
    }

    public async Task DisposeAsync() => await this.deployment.DisposeAsync();

    public IReadOnlyList<ReceivedSpan> TraceOf(Transaction transaction) =>
        this.Spans.Where(s => s.TraceId == transaction.TraceId).ToList();
}

/// <summary>One request to the edge, and what it answered.</summary>
public sealed record Transaction(int Status, string TraceId)
{
    public static async Task<Transaction> SendAsync(HttpClient client, object order, string? traceparent = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(order) };
        if (traceparent is not null)
        {
            request.Headers.Add("traceparent", traceparent);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new((int)response.StatusCode, body.GetProperty("traceId").GetString()!);
    }
}
