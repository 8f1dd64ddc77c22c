namespace Infra.Collector;

// One record per component the pipeline uses. Property names become the collector's snake_case keys
// (see CollectorYaml), exactly as in each component's collector-contrib README.

/// <summary>otlp receiver: <c>protocols.grpc.endpoint</c> and <c>protocols.http.endpoint</c>.</summary>
public sealed record OtlpReceiver(
    OtlpProtocols Protocols);

public sealed record OtlpProtocols(
    ServerEndpoint? Grpc,
    ServerEndpoint? Http);

/// <summary>A server endpoint (configgrpc / confighttp ServerConfig); keepalive is gRPC only.</summary>
public sealed record ServerEndpoint(
    string Endpoint,
    GrpcKeepalive? Keepalive = null,
    Authentication? Auth = null);

/// <summary>
/// configauth.Config (core config/configauth), the same block on servers and clients: the extension
/// that authenticates (receivers) or signs (exporters) each request.
/// </summary>
public sealed record Authentication(
    string Authenticator);

/// <summary>configgrpc KeepaliveServerConfig.</summary>
public sealed record GrpcKeepalive(
    GrpcKeepaliveServerParameters ServerParameters);

/// <summary>
/// Closing a gRPC connection after a while makes clients reconnect through the NLB, so new tasks
/// get traffic after a scale-out instead of idling behind long-lived connections.
/// </summary>
public sealed record GrpcKeepaliveServerParameters(
    string MaxConnectionAge,
    string MaxConnectionAgeGrace);

/// <summary>memory_limiter processor with explicit limits in MiB, checked every interval.</summary>
public sealed record MemoryLimiterProcessor(
    string CheckInterval,
    int LimitMib,
    int SpikeLimitMib);

/// <summary>tail_sampling processor.</summary>
public sealed record TailSamplingProcessor(
    string DecisionWait,
    int NumTraces,
    int ExpectedNewTracesPerSec,
    DecisionCache DecisionCache,
    IReadOnlyList<SamplingPolicy> Policies);

/// <summary>Remembers decisions for traces no longer held, so a late span gets its trace's verdict.</summary>
public sealed record DecisionCache(
    int SampledCacheSize,
    int NonSampledCacheSize);

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
    string ShutdownTimeout)
{
    /// <summary>The exporter reads the connection string from this variable; it wins over the config key.</summary>
    public const string ConnectionStringVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";
}

public sealed record SendingQueue(
    bool Enabled,
    int? NumConsumers = null,
    int? QueueSize = null);

/// <summary>exporterhelper retry settings.</summary>
public sealed record RetryOnFailure(
    bool Enabled,
    string? InitialInterval = null,
    string? MaxInterval = null,
    string? MaxElapsedTime = null);

/// <summary>
/// loadbalancing exporter: spans go to the backend that owns their routing key (the trace ID), so
/// every span of a trace reaches the same sampler whichever router received it.
/// </summary>
public sealed record LoadBalancingExporter(
    string RoutingKey,
    LoadBalancingProtocol Protocol,
    LoadBalancingResolver Resolver,
    SendingQueue? SendingQueue = null,
    string? Timeout = null);

public sealed record LoadBalancingProtocol(
    OtlpClient Otlp);

/// <summary>The OTLP/gRPC client the loadbalancing exporter builds per backend (the otlp exporter's config).</summary>
public sealed record OtlpClient(
    string Timeout,
    ClientTls Tls,
    SendingQueue? SendingQueue = null,
    RetryOnFailure? RetryOnFailure = null);

/// <summary>configtls ClientConfig; <c>insecure</c> is plaintext gRPC, the client's default being TLS.</summary>
public sealed record ClientTls(
    bool Insecure);

/// <summary>Exactly one resolver finds the backends.</summary>
public sealed record LoadBalancingResolver(
    AwsCloudMapResolver? AwsCloudMap = null,
    DnsResolver? Dns = null);

/// <summary>Cloud Map DiscoverInstances: the registered (and, with health_status, healthy) sampler tasks.</summary>
public sealed record AwsCloudMapResolver(
    string Namespace,
    string ServiceName,
    int Port,
    string HealthStatus,
    string Interval,
    string Timeout);

public sealed record DnsResolver(
    string Hostname,
    int Port,
    string Interval,
    string Timeout);

/// <summary>health_check extension, bound to all interfaces so the load balancer can reach it.</summary>
public sealed record HealthCheckExtension(
    string Endpoint);

/// <summary>
/// bearertokenauth extension (contrib extension/bearertokenauthextension/config.go): <c>tokens</c>, each
/// accepted as "Bearer &lt;token&gt;" on the Authorization header. Values are <c>${env:...}</c> references,
/// never tokens.
/// </summary>
public sealed record BearerTokenAuthExtension(
    IReadOnlyList<string> Tokens);

/// <summary>transform processor (contrib processor/transformprocessor): OTTL statements per context.</summary>
public sealed record TransformProcessor(
    string ErrorMode,
    IReadOnlyList<OttlStatements> TraceStatements);

public sealed record OttlStatements(
    string Context,
    IReadOnlyList<string> Statements);

/// <summary>forward connector: no settings; joins the sampled pipeline to the Azure-bound one.</summary>
public sealed record ForwardConnector;

/// <summary>
/// otlp_http exporter to the X-Ray OTLP endpoint, signed with SigV4 (the endpoint takes no other
/// authentication). gzip and protobuf are the exporter's defaults; written out for review.
/// </summary>
public sealed record OtlpHttpExporter(
    string TracesEndpoint,
    string Compression,
    Authentication Auth,
    SendingQueue SendingQueue,
    RetryOnFailure RetryOnFailure);

/// <summary>sigv4auth extension: credentials from the task role (the AWS SDK's default chain).</summary>
public sealed record SigV4AuthExtension(
    string Region,
    string Service);
