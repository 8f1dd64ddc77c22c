namespace Infra.Collector.Components.Receivers;

/// <summary>
/// prometheus receiver. Type: ecosystem-explorer registry contrib/v0.159.0/receiver.yaml (entry
/// prometheusreceiver, <c>type: prometheus</c>, no alias). Keys: contrib receiver/prometheusreceiver/config.go (v0.156.0).
/// </summary>
public static class Prometheus
{
    public const string Type = "prometheus";

    public static readonly ComponentType Descriptor = new()
    {
        Kind = ComponentKind.Receiver,
        Type = Type,
        Record = typeof(PrometheusReceiver),
        AcceptedKeys = ComponentType.Keys(["config", "trim_metric_suffixes", "target_allocator", "api_server", "scrape_on_shutdown", "discovery_reload_on_startup", "initial_scrape_offset"]),
    };
}

/// <summary>prometheus receiver: an embedded Prometheus config.</summary>
public sealed record PrometheusReceiver(
    PrometheusConfig Config);

public sealed record PrometheusConfig(
    IReadOnlyList<ScrapeConfig> ScrapeConfigs);

/// <summary>
/// One Prometheus scrape job. Static <c>labels</c> become data point attributes (and so EMF dimensions);
/// no <c>$</c> anywhere, which both the receiver and Pulumi YAML would read as a reference.
/// </summary>
public sealed record ScrapeConfig(
    string JobName,
    string ScrapeInterval,
    IReadOnlyList<StaticConfig> StaticConfigs);

public sealed record StaticConfig(
    IReadOnlyList<string> Targets,
    IReadOnlyDictionary<string, string> Labels);
