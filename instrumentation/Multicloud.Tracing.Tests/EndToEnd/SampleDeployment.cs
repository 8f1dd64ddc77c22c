using Multicloud.Tracing.Tests.Otlp;

namespace Multicloud.Tracing.Tests.EndToEnd;

/// <summary>
/// The two samples as processes on 127.0.0.1: the edge exports OTLP/gRPC and the ingest OTLP/HTTP to one receiver,
/// and the edge calls the ingest through the header-recording forwarder. Settings both samples share may be added.
/// </summary>
public sealed class SampleDeployment : IAsyncDisposable
{
    /// <summary>The delay the slow ingest adds, above the collector's default latency threshold of 1000 ms.</summary>
    public const int SlowIngestMilliseconds = 1200;

    public static readonly string IngressToken = "e2e-" + Guid.NewGuid().ToString("N");

    private readonly List<IAsyncDisposable> running = [];
    private SampleProcess edge = null!;
    private SampleProcess ingest = null!;

    private SampleDeployment()
    {
    }

    public OtlpReceiver Receiver { get; private set; } = null!;
    public HeaderRecordingForwarder Wire { get; private set; } = null!;

    /// <summary>Sends to the edge without adding a traceparent of its own.</summary>
    public HttpClient Edge { get; private set; } = null!;

    public static async Task<SampleDeployment> StartAsync(IReadOnlyDictionary<string, string>? sharedSettings = null)
    {
        var deployment = new SampleDeployment();
        try
        {
            await deployment.StartSamplesAsync(sharedSettings ?? new Dictionary<string, string>());
        }
        catch
        {
            await deployment.DisposeAsync();
            throw;
        }

        return deployment;
    }

    /// <summary>Waits until every one of the traces has at least <paramref name="spansEach"/> spans at the receiver.</summary>
    public async Task<IReadOnlyList<ReceivedSpan>> WaitForTracesAsync(IReadOnlyCollection<string> traceIds, int spansEach)
    {
        try
        {
            return await this.Receiver.Spans.WaitUntilAsync(
                spans => traceIds.All(trace => spans.Count(s => s.TraceId == trace) >= spansEach), TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}\n--- aws-edge ---\n{this.edge.Output}\n--- azure-ingest ---\n{this.ingest.Output}", timeout);
        }
    }

    public async ValueTask DisposeAsync()
    {
        this.Edge?.Dispose();
        foreach (var item in Enumerable.Reverse(this.running))
        {
            await item.DisposeAsync();
        }
    }

    private async Task StartSamplesAsync(IReadOnlyDictionary<string, string> sharedSettings)
    {
        this.Receiver = this.Track(await OtlpReceiver.StartAsync());
        this.Wire = this.Track(await HeaderRecordingForwarder.StartAsync());

        var shared = new Dictionary<string, string>(sharedSettings)
        {
            ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment.name=e2e",
            // Export within 100 ms of a span ending rather than the default 5 s.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        };
        var ingestStart = SampleProcess.StartAsync("azure-ingest", "AzureIngest", new Dictionary<string, string>(shared)
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = this.Receiver.HttpEndpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_EXPORTER_OTLP_HEADERS"] = $"Authorization=Bearer%20{IngressToken}",
            ["REGION_NAME"] = "westeurope",
            ["INGEST_SLOW_MS"] = SlowIngestMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var edgeStart = SampleProcess.StartAsync("aws-edge", "AwsEdge", new Dictionary<string, string>(shared)
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = this.Receiver.GrpcEndpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
            ["OTLP_INGRESS_TOKEN"] = IngressToken,
            ["AWS_REGION"] = "eu-west-1",
            ["INGEST_URL"] = new Uri(this.Wire.Url, "/api/ingest").ToString(),
        });
        this.ingest = this.Track(await ingestStart);
        this.edge = this.Track(await edgeStart);
        this.Wire.Target = this.ingest.Url;

        this.Edge = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null, UseProxy = false }) { BaseAddress = this.edge.Url };
    }

    private T Track<T>(T item)
        where T : IAsyncDisposable
    {
        this.running.Add(item);
        return item;
    }
}
