using Infra.Settings.Topology;

namespace Infra.Capacity.Faults;

/// <summary>
/// What each task of the exporting tier holds while a backend refuses its spans: the exporters' queues (X-Ray and Azure
/// Monitor each have one) sized for <c>outageRideThroughMinutes</c> of kept spans, on the task's ephemeral storage
/// through the file_storage extension. Zero minutes keeps the in-memory queues.
/// </summary>
public sealed record OutageRideThrough(
    int Minutes,
    double ExportBytesPerSecondPerTask,
    int QueueSizeBatches,
    int EphemeralStorageGiB,
    double RideThroughSeconds)
{
    /// <summary>Requests one in-memory queue holds when nothing is persisted (the exporters' setting since the first release).</summary>
    public const int InMemoryQueueBatches = 1000;

    /// <summary>Spans per batch the sampling tier's batch processor sends (send_batch_size).</summary>
    public const int SpansPerBatch = 512;

    /// <summary>Exporters with a queue on the exporting tier: X-Ray and Azure Monitor.</summary>
    public const int QueuedExporters = 2;

    /// <summary>
    /// Bytes on disk per wire byte queued: an assumption. The queue stores each request protobuf-encoded (as on the wire)
    /// in a bbolt file, whose B+tree pages are not full and whose freed pages are reused only after compaction.
    /// </summary>
    public const double OnDiskOverheadFactor = 2;

    /// <summary>Room for the image layers and the collector's own files on the task's ephemeral storage.</summary>
    public const int BaseStorageGiB = 5;

    /// <summary>Fargate's ephemeral storage range, in GiB (ECS task definition ephemeralStorage.sizeInGiB).</summary>
    public const int MinEphemeralStorageGiB = 21;

    public const int MaxEphemeralStorageGiB = 200;

    /// <summary>How long the X-Ray exporter retries one batch when nothing is persisted (its retry_on_failure max_elapsed_time).</summary>
    public const int InMemoryRetrySeconds = 300;

    private const double BytesPerGiB = 1024.0 * 1024 * 1024;

    public bool Persistent => Minutes > 0;

    public static OutageRideThrough For(TierSpec exporting, TrafficProfile traffic, double keptTraceShare, int minutes)
    {
        var tasks = exporting.Size.MinTasks;
        var bytesPerSecond = traffic.BytesPerSecond * keptTraceShare / tasks;
        var batchesPerSecond = traffic.SpansPerSecond * keptTraceShare / tasks / SpansPerBatch;
        if (minutes == 0)
        {
            // A full in-memory queue drops; after its retry window a batch is dropped too.
            var queueSeconds = batchesPerSecond > 0 ? InMemoryQueueBatches / batchesPerSecond : double.PositiveInfinity;
            return new OutageRideThrough(0, bytesPerSecond, InMemoryQueueBatches, MinEphemeralStorageGiB, Math.Min(queueSeconds, InMemoryRetrySeconds));
        }
        var seconds = minutes * 60.0;
        var queue = (int)Math.Min(int.MaxValue, Math.Max(InMemoryQueueBatches, Math.Ceiling(batchesPerSecond * seconds)));
        var diskBytes = bytesPerSecond * QueuedExporters * seconds * OnDiskOverheadFactor;
        var storage = (int)Math.Max(MinEphemeralStorageGiB, Math.Ceiling(diskBytes / BytesPerGiB) + BaseStorageGiB);
        return new OutageRideThrough(minutes, bytesPerSecond, queue, storage, seconds);
    }

    public bool FitsFargate => EphemeralStorageGiB <= MaxEphemeralStorageGiB;
}
