using Infra.Collector.Components;
using Infra.Collector.Components.Connectors;
using Infra.Collector.Components.Exporters;
using Infra.Collector.Components.Extensions;

namespace Infra.Collector;

/// <summary>
/// How the sampling tasks export: to X-Ray over OTLP with SigV4 (or with the awsxray exporter, in
/// segments mode), and to Azure Monitor through a pipeline of its own, fed by a forward connector,
/// whose transform fills what the azure_monitor exporter reads. The X-Ray path never sees that transform.
/// </summary>
public sealed record CloudExport(string AwsRegion, bool XrayOverOtlp)
{
    public const string OtlpXrayExporterId = OtlpHttp.Type + "/xray";
    public const string SegmentsExporterId = AwsXray.Type;
    public const string SigV4ExtensionId = SigV4Auth.Type + "/xray";
    public const string AzureExporterId = AzureMonitor.Type;

    public string XrayExporterId => XrayOverOtlp ? OtlpXrayExporterId : SegmentsExporterId;

    /// <summary>The X-Ray OTLP traces endpoint of a region (CloudWatch Transaction Search must be on).</summary>
    public static string XrayTracesEndpoint(string region) => $"https://xray.{region}.amazonaws.com/v1/traces";

    public IReadOnlyDictionary<string, object> Exporters => new Dictionary<string, object>
    {
        [XrayExporterId] = XrayOverOtlp
            ? new OtlpHttpExporter(
                XrayTracesEndpoint(AwsRegion),
                Compression: "gzip",
                new Authentication(SigV4ExtensionId),
                new SendingQueue(Enabled: true, NumConsumers: 10, QueueSize: 1000),
                new RetryOnFailure(Enabled: true, InitialInterval: "5s", MaxInterval: "30s", MaxElapsedTime: "300s"))
            : new AwsXrayExporter(AwsRegion, MaxRetries: 3),
        [AzureExporterId] = new AzureMonitorExporter(new SendingQueue(Enabled: true, NumConsumers: 10, QueueSize: 1000), ShutdownTimeout: "10s"),
    };

    public IReadOnlyDictionary<string, object> Extensions => XrayOverOtlp
        ? new Dictionary<string, object> { [SigV4ExtensionId] = new SigV4AuthExtension(AwsRegion, Service: "xray") }
        : new Dictionary<string, object>();

    public IReadOnlyDictionary<string, object> Connectors => new Dictionary<string, object> { [AzureMapping.ConnectorId] = new ForwardConnector() };

    /// <summary>Where the sampled traces pipeline sends its spans: X-Ray, and the Azure-bound pipeline.</summary>
    public IReadOnlyList<string> SampledExporters => [XrayExporterId, AzureMapping.ConnectorId];

    public PipelineConfig AzurePipeline => new([AzureMapping.ConnectorId], [AzureMapping.TransformId], [AzureExporterId]);
}
