using System.Globalization;
using Infra.Settings;

namespace Infra.Collector;

/// <summary>Builds the collector config of a stack: OTLP in, memory_limiter -> tail_sampling -> batch, X-Ray and Azure Monitor out.</summary>
public static class CollectorConfigFactory
{
    public const int OtlpGrpcPort = 4317;
    public const int OtlpHttpPort = 4318;
    public const int HealthCheckPort = 13133;

    public static CollectorConfig Create(string awsRegion, TailSamplingSettings sampling) => new()
    {
        Receivers = new Dictionary<string, object>
        {
            ["otlp"] = new OtlpReceiver(new OtlpProtocols(
                new ServerEndpoint($"0.0.0.0:{OtlpGrpcPort}"),
                new ServerEndpoint($"0.0.0.0:{OtlpHttpPort}"))),
        },
        Processors = new Dictionary<string, object>
        {
            // Percentages of the container limit; GOMEMLIMIT (set on the container) keeps the Go heap below it.
            ["memory_limiter"] = new MemoryLimiterProcessor("1s", LimitPercentage: 80, SpikeLimitPercentage: 20),
            ["tail_sampling"] = TailSampling(sampling),
            ["batch"] = new BatchProcessor("5s", SendBatchSize: 512, SendBatchMaxSize: 1024),
        },
        Exporters = new Dictionary<string, object>
        {
            ["awsxray"] = new AwsXrayExporter(awsRegion, MaxRetries: 3),
            ["azuremonitor"] = new AzureMonitorExporter(new SendingQueue(Enabled: true, NumConsumers: 10, QueueSize: 1000), ShutdownTimeout: "10s"),
        },
        Extensions = new Dictionary<string, object>
        {
            ["health_check"] = new HealthCheckExtension($"0.0.0.0:{HealthCheckPort}"),
        },
        Service = new ServiceConfig
        {
            Extensions = ["health_check"],
            Pipelines = new Dictionary<string, PipelineConfig>
            {
                ["traces"] = new(["otlp"], ["memory_limiter", "tail_sampling", "batch"], ["awsxray", "azuremonitor"]),
            },
            Telemetry = new TelemetryConfig(new TelemetryLogsConfig("info")),
        },
    };

    /// <summary>Keep every error, every slow trace, and a baseline share of the rest.</summary>
    public static TailSamplingProcessor TailSampling(TailSamplingSettings sampling) => new(
        DecisionWait: sampling.DecisionWaitSeconds.ToString(CultureInfo.InvariantCulture) + "s",
        NumTraces: sampling.NumTraces,
        ExpectedNewTracesPerSec: sampling.ExpectedNewTracesPerSec,
        Policies:
        [
            new SamplingPolicy { Name = "keep-errors", Type = "status_code", StatusCode = new StatusCodePolicy(["ERROR"]) },
            new SamplingPolicy { Name = "keep-slow", Type = "latency", Latency = new LatencyPolicy(sampling.LatencyThresholdMs) },
            new SamplingPolicy { Name = "baseline", Type = "probabilistic", Probabilistic = new ProbabilisticPolicy(sampling.SamplingPercentage) },
        ]);
}
