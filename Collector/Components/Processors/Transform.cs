namespace Infra.Collector.Components.Processors;

/// <summary>
/// transform processor. Type: ecosystem-explorer registry contrib/v0.159.0/processor.yaml (no alias).
/// Keys: contrib processor/transformprocessor/config.schema.yaml (contrib main as stored, not pinned to a tag).
/// </summary>
public static class Transform
{
    public const string Type = "transform";

    public static readonly ComponentType Descriptor = new()
    {
        Kind = ComponentKind.Processor,
        Type = Type,
        Record = typeof(TransformProcessor),
        AcceptedKeys = ComponentType.Keys(["error_mode", "flatten_data", "trace_statements", "metric_statements", "log_statements", "profile_statements"]),
    };
}

/// <summary>transform processor: OTTL statements per context.</summary>
public sealed record TransformProcessor(
    string ErrorMode,
    IReadOnlyList<OttlStatements> TraceStatements);

public sealed record OttlStatements(
    string Context,
    IReadOnlyList<string> Statements);
