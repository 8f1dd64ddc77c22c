using Infra.Collector.Components;
using Infra.Collector.Components.Connectors;
using Infra.Collector.Components.Exporters;
using Infra.Collector.Components.Extensions;

namespace Infra.Collector;

/// <summary>
/// The exporters' queues: their size in batches, whether they persist on the task's disk, and how long one batch is
/// retried (as long as the outage to ride through when persistent).
/// </summary>
public sealed record ExportQueue(int QueueSizeBatches, bool Persistent, int RetryMaxElapsedSeconds)
{
    public static ExportQueue InMemory => new(Capacity.Faults.OutageRideThrough.InMemoryQueueBatches, false, Capacity.Faults.OutageRideThrough.InMemoryRetrySeconds);

    public static ExportQueue For(Capacity.Faults.OutageRideThrough rideThrough) => rideThrough.Persistent
        ? new(rideThrough.QueueSizeBatches, true, rideThrough.Minutes * 60)
        : InMemory;
}

/// <summary>
/// How the sampling tasks export: to X-Ray over OTLP with SigV4 (or with the awsxray exporter, in
/// segments mode), and to Azure Monitor through a pipeline of its own, fed by a forward connector,
/// whose transform fills what the azure_monitor exporter reads. The X-Ray path never sees that transform.
/// </summary>
public sealed record CloudExport(string AwsRegion, bool XrayOverOtlp, ExportQueue Queue)
{
    public CloudExport(string awsRegion, bool xrayOverOtlp)
        : this(awsRegion, xrayOverOtlp, ExportQueue.InMemory)
    {
    }

    /// <summary>The file_storage extension that persists both exporters' queues, when the queue is persistent.</summary>
    public const string StorageExtensionId = FileStorage.Type + "/queues";

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
                QueueOf(),
                new RetryOnFailure(Enabled: true, InitialInterval: "5s", MaxInterval: "30s", MaxElapsedTime: $"{Queue.RetryMaxElapsedSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}s"))
            : new AwsXrayExporter(AwsRegion, MaxRetries: 3),
        [AzureExporterId] = new AzureMonitorExporter(QueueOf(), ShutdownTimeout: "10s"),
    };

    public IReadOnlyDictionary<string, object> Extensions
    {
        get
        {
            var extensions = new Dictionary<string, object>();
            if (XrayOverOtlp)
            {
                extensions[SigV4ExtensionId] = new SigV4AuthExtension(AwsRegion, Service: "xray");
            }
            if (Queue.Persistent)
            {
                extensions[StorageExtensionId] = new FileStorageExtension(FileStorage.DefaultDirectory, "1s",
                    new FileStorageCompaction(OnStart: true, OnRebound: true, FileStorage.DefaultDirectory));
            }
            return extensions;
        }
    }

    private SendingQueue QueueOf() =>
        new(Enabled: true, NumConsumers: 10, QueueSize: Queue.QueueSizeBatches, Storage: Queue.Persistent ? StorageExtensionId : null);

    public IReadOnlyDictionary<string, object> Connectors => new Dictionary<string, object> { [AzureMapping.ConnectorId] = new ForwardConnector() };

    /// <summary>Where the sampled traces pipeline sends its spans: X-Ray, and the Azure-bound pipeline.</summary>
    public IReadOnlyList<string> SampledExporters => [XrayExporterId, AzureMapping.ConnectorId];

    public PipelineConfig AzurePipeline => new([AzureMapping.ConnectorId], [AzureMapping.TransformId], [AzureExporterId]);
}
