namespace Infra.Collector.Components.Connectors;

/// <summary>
/// forward connector. Type: core connector/forwardconnector/metadata.yaml at v0.159.0 (no alias). Keys:
/// core connector/forwardconnector/config.go, an empty Config.
/// </summary>
public static class Forward
{
    public const string Type = "forward";

    public static readonly ComponentType Descriptor = new()
    {
        Kind = ComponentKind.Connector,
        Type = Type,
        Record = typeof(ForwardConnector),
        AcceptedKeys = ComponentType.Keys([]),
    };
}

/// <summary>forward connector: no settings; joins two pipelines of one signal (the sampled one to the Azure-bound one).</summary>
public sealed record ForwardConnector;
