namespace Infra.Collector.Components.Processors;

/// <summary>
/// memory_limiter processor. Type: core processor/memorylimiterprocessor/metadata.yaml at v0.159.0 (no alias).
/// Keys: core internal/memorylimiter/config.go, which processor/memorylimiterprocessor aliases.
/// </summary>
public static class MemoryLimiter
{
    public const string Type = "memory_limiter";

    public static readonly ComponentType Descriptor = new()
    {
        Kind = ComponentKind.Processor,
        Type = Type,
        Record = typeof(MemoryLimiterProcessor),
        AcceptedKeys = ComponentType.Keys(["check_interval", "limit_mib", "spike_limit_mib", "limit_percentage", "spike_limit_percentage", "min_gc_interval_when_soft_limited", "min_gc_interval_when_hard_limited", "max_gc_interval_when_soft_limited", "max_gc_interval_when_hard_limited"]),
    };
}

/// <summary>memory_limiter processor with explicit limits in MiB, checked every interval.</summary>
public sealed record MemoryLimiterProcessor(
    string CheckInterval,
    int LimitMib,
    int SpikeLimitMib);
