using Infra.Model;

namespace Infra.Collector.Components;

/// <summary>Checks one configured component's settings, as parsed from the YAML; each problem is one message in the collector's <c>section::id</c> style.</summary>
public delegate void ComponentRules(string id, Dictionary<string, object?> settings, List<string> errors);

/// <summary>
/// One component type of the pinned build: the canonical name its metadata.yaml gives (what the
/// factory writes), the deprecated alias the build still accepts (logging a warning at every start),
/// the top-level keys its config.go accepts (a hand-written config may use any of them), the record
/// the factory renders, and its rules beyond the keys. Each component's file declares one; the
/// <see cref="ComponentRegistry"/> lists them.
/// </summary>
public sealed record ComponentType
{
    public required ComponentKind Kind { get; init; }

    public required string Type { get; init; }

    public string? DeprecatedAlias { get; init; }

    /// <summary>The record the factory renders for this type; null for a type we only accept in hand-written configs.</summary>
    public System.Type? Record { get; init; }

    public required IReadOnlySet<string> AcceptedKeys { get; init; }

    public ComponentRules? Rules { get; init; }

    /// <summary>The top-level keys the record can render: its properties under the collector's naming.</summary>
    public IReadOnlyList<string> WrittenKeys => Record is null ? [] : [.. DeclaredProperties.Of(Record).Select(TreeConvention.CollectorConfig.KeyOf)];

    /// <summary>The canonical type or its alias: both name this component in a config.</summary>
    public bool Names(string type) => type == Type || (DeprecatedAlias is not null && type == DeprecatedAlias);

    /// <summary>Whether a component id (<c>type</c> or <c>type/name</c>) is of this type.</summary>
    public bool IsTypeOf(string id) => Names(ConfigTree.TypeOf(id));

    public static IReadOnlySet<string> Keys(IEnumerable<string> keys) => keys.ToHashSet(StringComparer.Ordinal);
}
