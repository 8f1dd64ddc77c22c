namespace Infra.Collector.Components.Processors;

/// <summary>
/// batch processor. Type: core processor/batchprocessor/metadata.yaml at v0.159.0 (no alias). Keys: core
/// processor/batchprocessor/config.go. Still beta and shipped; its replacement is sending_queue.batch in exporters.
/// </summary>
public static class Batch
{
    public const string Type = "batch";

    public static readonly ComponentType Descriptor = new()
    {
        Kind = ComponentKind.Processor,
        Type = Type,
        Record = typeof(BatchProcessor),
        AcceptedKeys = ComponentType.Keys(["timeout", "send_batch_size", "send_batch_max_size", "metadata_keys", "metadata_cardinality_limit"]),
    };
}

public sealed record BatchProcessor(
    string Timeout,
    int SendBatchSize,
    int SendBatchMaxSize);
