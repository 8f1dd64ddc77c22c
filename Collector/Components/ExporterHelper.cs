namespace Infra.Collector.Components;

/// <summary>
/// exporterhelper (core exporter/exporterhelper at v0.159.0): <c>timeout</c> (squashed TimeoutConfig),
/// <c>sending_queue</c> (QueueBatchConfig, which holds the exporter-side <c>batch</c> block) and
/// <c>retry_on_failure</c> (configretry.BackOffConfig).
/// </summary>
public static class ExporterHelper
{
    public static readonly IReadOnlyList<string> Keys = ["timeout", "sending_queue", "retry_on_failure"];
}

/// <summary>exporterhelper's queue; <paramref name="Storage"/> names a storage extension that persists it (QueueBatchConfig <c>storage</c>).</summary>
public sealed record SendingQueue(
    bool Enabled,
    int? NumConsumers = null,
    int? QueueSize = null,
    string? Storage = null);

/// <summary>exporterhelper retry settings (core config/configretry BackOffConfig).</summary>
public sealed record RetryOnFailure(
    bool Enabled,
    string? InitialInterval = null,
    string? MaxInterval = null,
    string? MaxElapsedTime = null);
