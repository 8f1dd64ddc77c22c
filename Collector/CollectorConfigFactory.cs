using System.Globalization;
using Infra.Capacity;
using Infra.Capacity.Faults;
using Infra.Collector.Components;
using Infra.Collector.Components.Exporters;
using Infra.Collector.Components.Extensions;
using Infra.Collector.Components.Processors;
using Infra.Collector.Components.Receivers;
using Infra.Settings;

namespace Infra.Collector;

/// <summary>Where a sampler tier is found: a Cloud Map service of a private DNS namespace.</summary>
public sealed record SamplerDiscoveryNames(string Namespace, string Service);

/// <summary>
/// Builds the collector config of each kind of task. Single: OTLP in, memory_limiter -> tail_sampling
/// -> batch, X-Ray and Azure Monitor out. Tiered: the router receives OTLP and routes by trace ID to
/// the samplers, which tail-sample and export.
/// </summary>
public static class CollectorConfigFactory
{
    public const int OtlpGrpcPort = 4317;
    public const int OtlpHttpPort = 4318;
    public const int HealthCheckPort = 13133;

    /// <summary>One task receives (authenticated unless <paramref name="ingressAuth"/> is null), samples and exports.</summary>
    public static CollectorConfig Single(CloudExport export, TailSamplingSettings sampling, TailSamplingSizing sizing, int taskMemoryMib, BearerTokenIngress? ingressAuth) =>
        Build(OtlpBehindLoadBalancer(ingressAuth), MemoryLimiterFor(taskMemoryMib), Sampling(sampling, sizing), export, ingressAuth);

    /// <summary>Behind the NLB: receives OTLP from both clouds and routes each trace, whole, to one sampler.</summary>
    public static CollectorConfig Router(SamplerDiscoveryNames samplers, int taskMemoryMib, BearerTokenIngress? ingressAuth) => new()
    {
        Receivers = new Dictionary<string, object> { [Otlp.Type] = OtlpBehindLoadBalancer(ingressAuth) },
        Processors = new Dictionary<string, object> { [MemoryLimiter.Type] = MemoryLimiterFor(taskMemoryMib) },
        Exporters = new Dictionary<string, object> { [LoadBalancing.Type] = RouteByTraceId(samplers) },
        Extensions = Extensions(ingressAuth),
        Service = Service(new PipelineConfig([Otlp.Type], [MemoryLimiter.Type], [LoadBalancing.Type]), ingressAuth),
    };

    /// <summary>Found through Cloud Map, reached only by the routers over OTLP/gRPC: no token (its security group admits only the routers).</summary>
    public static CollectorConfig Sampler(CloudExport export, TailSamplingSettings sampling, TailSamplingSizing sizing, int taskMemoryMib) =>
        Build(new OtlpReceiver(new OtlpProtocols(new ServerEndpoint($"0.0.0.0:{OtlpGrpcPort}"), Http: null)),
            MemoryLimiterFor(taskMemoryMib), Sampling(sampling, sizing), export, ingressAuth: null);

    private static CollectorConfig Build(OtlpReceiver receiver, MemoryLimiterProcessor memoryLimiter, TailSamplingProcessor tailSampling, CloudExport export, BearerTokenIngress? ingressAuth)
    {
        var extensions = new Dictionary<string, object>(Extensions(ingressAuth));
        foreach (var (id, extension) in export.Extensions)
        {
            extensions[id] = extension;
        }
        var service = Service(new PipelineConfig([Otlp.Type], [MemoryLimiter.Type, TailSampling.Type, Batch.Type], export.SampledExporters), ingressAuth);
        return new()
        {
            Receivers = new Dictionary<string, object> { [Otlp.Type] = receiver },
            Processors = new Dictionary<string, object>
            {
                [MemoryLimiter.Type] = memoryLimiter,
                [TailSampling.Type] = tailSampling,
                [Batch.Type] = new BatchProcessor(Seconds(FailoverTimings.BatchTimeoutSeconds), SendBatchSize: OutageRideThrough.SpansPerBatch, SendBatchMaxSize: 1024),
                [AzureMapping.TransformId] = AzureMapping.Transform,
            },
            Exporters = export.Exporters,
            Connectors = export.Connectors,
            Extensions = extensions,
            Service = service with
            {
                Extensions = [.. service.Extensions, .. export.Extensions.Keys],
                Pipelines = new Dictionary<string, PipelineConfig>(service.Pipelines) { [AzureMapping.PipelineId] = export.AzurePipeline },
            },
        };
    }

    /// <summary>
    /// gRPC connections through an NLB live long; capping their age spreads clients over new tasks.
    /// With a token, both protocols demand it: one left open would be the way around the other.
    /// </summary>
    private static OtlpReceiver OtlpBehindLoadBalancer(BearerTokenIngress? ingressAuth)
    {
        var auth = ingressAuth is null ? null : new Authentication(BearerTokenIngress.ExtensionId);
        return new(new OtlpProtocols(
            new ServerEndpoint($"0.0.0.0:{OtlpGrpcPort}", new GrpcKeepalive(new GrpcKeepaliveServerParameters(MaxConnectionAge: "60s", MaxConnectionAgeGrace: "10s")), auth),
            new ServerEndpoint($"0.0.0.0:{OtlpHttpPort}", Auth: auth)));
    }

    private static MemoryLimiterProcessor MemoryLimiterFor(int taskMemoryMib)
    {
        var limits = MemoryLimits.ForTask(taskMemoryMib);
        return new MemoryLimiterProcessor("1s", limits.LimitMib, limits.SpikeLimitMib);
    }

    /// <summary>
    /// A lost sampler costs each batch one short per-backend timeout, then the top-level retry re-resolves the ring and
    /// resends to a live sampler (the timings and why: <see cref="FailoverTimings"/>). The top-level retry resends the
    /// whole request, so spans that reached a live sampler may arrive twice while it retries (contrib #50437).
    /// </summary>
    private static LoadBalancingExporter RouteByTraceId(SamplerDiscoveryNames samplers) => new(
        RoutingKey: "traceID",
        Protocol: new LoadBalancingProtocol(new OtlpClient(
            Timeout: Seconds(FailoverTimings.BackendTimeoutSeconds),
            // Inside the VPC, between two security groups that admit only each other on 4317.
            Tls: new ClientTls(Insecure: true),
            // The top-level queue below keeps data when the sampler set changes (contrib #35378, PR #36094).
            SendingQueue: new SendingQueue(Enabled: false),
            // Retried at the top level, against the re-resolved ring, not here against the dead backend.
            RetryOnFailure: new RetryOnFailure(Enabled: false))),
        Resolver: new LoadBalancingResolver(AwsCloudMap: new AwsCloudMapResolver(
            samplers.Namespace, samplers.Service, OtlpGrpcPort, HealthStatus: "HEALTHY",
            Interval: Seconds(FailoverTimings.ResolverIntervalSeconds), Timeout: Seconds(FailoverTimings.BackendTimeoutSeconds))),
        SendingQueue: new SendingQueue(Enabled: true, NumConsumers: 10, QueueSize: 5000),
        Timeout: Seconds(FailoverTimings.ExportTimeoutSeconds),
        RetryOnFailure: new RetryOnFailure(Enabled: true,
            InitialInterval: Seconds(FailoverTimings.RetryInitialIntervalSeconds),
            MaxInterval: Seconds(FailoverTimings.RetryMaxIntervalSeconds),
            MaxElapsedTime: Seconds(FailoverTimings.RetryMaxElapsedSeconds)));

    private static string Seconds(int seconds) => seconds.ToString(CultureInfo.InvariantCulture) + "s";

    private static IReadOnlyDictionary<string, object> Extensions(BearerTokenIngress? ingressAuth)
    {
        var extensions = new Dictionary<string, object> { [HealthCheck.Type] = new HealthCheckExtension($"0.0.0.0:{HealthCheckPort}") };
        if (ingressAuth is not null)
        {
            extensions[BearerTokenIngress.ExtensionId] = ingressAuth.Extension;
        }
        return extensions;
    }

    private static ServiceConfig Service(PipelineConfig traces, BearerTokenIngress? ingressAuth) => new()
    {
        Extensions = ingressAuth is null ? [HealthCheck.Type] : [HealthCheck.Type, BearerTokenIngress.ExtensionId],
        Pipelines = new Dictionary<string, PipelineConfig> { ["traces"] = traces },
        Telemetry = new TelemetryConfig(new TelemetryLogsConfig("info")),
    };

    /// <summary>Keep every error, every slow trace, a baseline share of the rest, and the verify tool's canary.</summary>
    public static TailSamplingProcessor Sampling(TailSamplingSettings sampling, TailSamplingSizing sizing) => new(
        DecisionWait: sampling.DecisionWaitSeconds.ToString(CultureInfo.InvariantCulture) + "s",
        NumTraces: sizing.NumTraces,
        ExpectedNewTracesPerSec: sizing.ExpectedNewTracesPerSec,
        DecisionCache: new DecisionCache(sizing.SampledCacheSize, sizing.NonSampledCacheSize),
        Policies:
        [
            new SamplingPolicy { Name = "keep-errors", Type = "status_code", StatusCode = new StatusCodePolicy(["ERROR"]) },
            new SamplingPolicy { Name = "keep-slow", Type = "latency", Latency = new LatencyPolicy(sampling.LatencyThresholdMs) },
            new SamplingPolicy { Name = "baseline", Type = "probabilistic", Probabilistic = new ProbabilisticPolicy(sampling.SamplingPercentage) },
            new SamplingPolicy { Name = Canary.PolicyName, Type = "boolean_attribute", BooleanAttribute = new BooleanAttributePolicy(Canary.Attribute, Value: true) },
        ]);
}
