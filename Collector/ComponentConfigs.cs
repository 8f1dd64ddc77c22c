namespace Infra.Collector;

// One record per component the pipeline uses. Property names become the collector's snake_case keys
// (see CollectorYaml), exactly as in each component's collector-contrib README.

/// <summary>otlp receiver: <c>protocols.grpc.endpoint</c> and <c>protocols.http.endpoint</c>.</summary>
public sealed record OtlpReceiver(
    OtlpProtocols Protocols);

public sealed record OtlpProtocols(
    ServerEndpoint? Grpc,
    ServerEndpoint? Http);

public sealed record ServerEndpoint(
    string Endpoint);

/// <summary>memory_limiter processor: percentages of the container's memory, checked every interval.</summary>
public sealed record MemoryLimiterProcessor(
    string CheckInterval,
    int LimitPercentage,
    int SpikeLimitPercentage);

/// <summary>tail_sampling processor.</summary>
public sealed record TailSamplingProcessor(
    string DecisionWait,
    int NumTraces,
    int ExpectedNewTracesPerSec,
    IReadOnlyList<SamplingPolicy> Policies);

/// <summary>One tail-sampling policy; exactly one of the typed blocks matches <see cref="Type"/>.</summary>
public sealed record SamplingPolicy
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    public StatusCodePolicy? StatusCode { get; init; }
    public LatencyPolicy? Latency { get; init; }
    public ProbabilisticPolicy? Probabilistic { get; init; }
}

public sealed record StatusCodePolicy(
    IReadOnlyList<string> StatusCodes);

public sealed record LatencyPolicy(
    int ThresholdMs);

public sealed record ProbabilisticPolicy(
    double SamplingPercentage);

/// <summary>batch processor.</summary>
public sealed record BatchProcessor(
    string Timeout,
    int SendBatchSize,
    int SendBatchMaxSize);

/// <summary>awsxray exporter: credentials from the task role; retries with its own <c>max_retries</c>.</summary>
public sealed record AwsXrayExporter(
    string Region,
    int MaxRetries);

/// <summary>
/// azuremonitor exporter. No <c>connection_string</c> key: the exporter reads
/// APPLICATIONINSIGHTS_CONNECTION_STRING, which ECS injects from the SecureString parameter.
/// </summary>
public sealed record AzureMonitorExporter(
    SendingQueue SendingQueue,
    string ShutdownTimeout);

public sealed record SendingQueue(
    bool Enabled,
    int NumConsumers,
    int QueueSize);

/// <summary>health_check extension, bound to all interfaces so the load balancer can reach it.</summary>
public sealed record HealthCheckExtension(
    string Endpoint);
