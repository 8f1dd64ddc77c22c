using System.Net.Http.Json;
using System.Text.Json;
using Multicloud.Tracing.Tests.Otlp;

namespace Multicloud.Tracing.Tests.EndToEnd;

/// <summary>
/// Runs the two samples as processes on 127.0.0.1, with the edge exporting OTLP/gRPC and the ingest OTLP/HTTP to one
/// receiver, sends four transactions through the edge (ordinary, ingest failing, ingest slow, and one that arrives
/// with a traceparent), and waits until every span of the four traces has been exported.
/// </summary>
public sealed class TransactionFixture : IAsyncLifetime
{
    /// <summary>The delay the slow ingest adds, above the collector's default latency threshold of 1000 ms.</summary>
    public const int SlowIngestMilliseconds = 1200;

    /// <summary>A trace ID that is not an X-Ray one (its first 8 hex digits are no recent time).</summary>
    public const string IncomingTraceId = "0af7651916cd43dd8448eb211c80319c";
    public const string IncomingParentSpanId = "b7ad6b7169203331";

    public static readonly string IngressToken = "e2e-" + Guid.NewGuid().ToString("N");

    private readonly List<IAsyncDisposable> running = [];

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
    public HeaderRecordingForwarder Wire { get; private set; } = null!;
    public IReadOnlyList<ReceivedSpan> Spans { get; private set; } = [];
    public Transaction Ordinary { get; private set; } = null!;
    public Transaction Failing { get; private set; } = null!;
    public Transaction Slow { get; private set; } = null!;
    public Transaction Continued { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var receiver = this.Track(await OtlpReceiver.StartAsync());
        this.Wire = this.Track(await HeaderRecordingForwarder.StartAsync());

        var shared = new Dictionary<string, string>
        {
            ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment.name=e2e",
            // Export within 100 ms of a span ending rather than the default 5 s.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        };
        var ingestStart = SampleProcess.StartAsync("azure-ingest", "AzureIngest", new Dictionary<string, string>(shared)
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.HttpEndpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_EXPORTER_OTLP_HEADERS"] = $"Authorization=Bearer%20{IngressToken}",
            ["REGION_NAME"] = "westeurope",
            ["INGEST_SLOW_MS"] = SlowIngestMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var edgeStart = SampleProcess.StartAsync("aws-edge", "AwsEdge", new Dictionary<string, string>(shared)
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.GrpcEndpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
            ["OTLP_INGRESS_TOKEN"] = IngressToken,
            ["AWS_REGION"] = "eu-west-1",
            ["INGEST_URL"] = new Uri(this.Wire.Url, "/api/ingest").ToString(),
        });
        var ingest = this.Track(await ingestStart);
        var edge = this.Track(await edgeStart);
        this.Wire.Target = ingest.Url;

        using var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null, UseProxy = false }) { BaseAddress = edge.Url };
        this.Ordinary = await Transaction.SendAsync(client, new { item = "book" });
        this.Failing = await Transaction.SendAsync(client, new { item = "book", simulate = "fail" });
        this.Slow = await Transaction.SendAsync(client, new { item = "book", simulate = "slow" });
        this.Continued = await Transaction.SendAsync(client, new { item = "pen" }, $"00-{IncomingTraceId}-{IncomingParentSpanId}-01");

        string[] traces = [this.Ordinary.TraceId, this.Failing.TraceId, this.Slow.TraceId, this.Continued.TraceId];
        try
        {
            this.Spans = await receiver.Spans.WaitUntilAsync(
                spans => traces.All(trace => spans.Count(s => s.TraceId == trace) >= 3), TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}\n--- aws-edge ---\n{edge.Output}\n--- azure-ingest ---\n{ingest.Output}", timeout);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var item in Enumerable.Reverse(this.running))
        {
            await item.DisposeAsync();
        }
    }

    public IReadOnlyList<ReceivedSpan> TraceOf(Transaction transaction) =>
        this.Spans.Where(s => s.TraceId == transaction.TraceId).ToList();

    private T Track<T>(T item)
        where T : IAsyncDisposable
    {
        this.running.Add(item);
        return item;
    }
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
