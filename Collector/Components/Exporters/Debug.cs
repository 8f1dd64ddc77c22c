namespace Infra.Collector.Components.Exporters;

/// <summary>
/// debug exporter, accepted for hand-written configs (the factory writes none). Type: core
/// exporter/debugexporter/metadata.yaml at v0.159.0 (no alias). Keys: core exporter/debugexporter/config.go.
/// </summary>
public static class Debug
{
    public const string Type = "debug";

    public static readonly ComponentType Descriptor = new()
    {
        Kind = ComponentKind.Exporter,
        Type = Type,
        AcceptedKeys = ComponentType.Keys(["verbosity", "sampling_initial", "sampling_thereafter", "use_internal_logger", "output_paths", "sending_queue"]),
    };
}
