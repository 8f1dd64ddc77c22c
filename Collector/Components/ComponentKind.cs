namespace Infra.Collector.Components;

/// <summary>The five kinds of collector component, each a top-level section of the config.</summary>
public enum ComponentKind
{
    Receiver,
    Processor,
    Exporter,
    Connector,
    Extension,
}

public static class ComponentKinds
{
    /// <summary>Every kind, in the order the validator reports on them.</summary>
    public static IReadOnlyList<ComponentKind> All { get; } = [ComponentKind.Receiver, ComponentKind.Processor, ComponentKind.Exporter, ComponentKind.Connector, ComponentKind.Extension];

    /// <summary>The config's top-level key for the kind: <c>receivers</c>, <c>processors</c>, ...</summary>
    public static string Section(this ComponentKind kind) => kind.Singular() + "s";

    public static string Singular(this ComponentKind kind) => kind switch
    {
        ComponentKind.Receiver => "receiver",
        ComponentKind.Processor => "processor",
        ComponentKind.Exporter => "exporter",
        ComponentKind.Connector => "connector",
        ComponentKind.Extension => "extension",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
