namespace Infra.Collector;

/// <summary>
/// The collector build we run, pinned. The AWS distro (ADOT) lacks the azure_monitor exporter, so the
/// contrib image it is. What its components are called and accept is in
/// <see cref="Components.ComponentRegistry"/>, one file per component type.
/// </summary>
public static class CollectorDistribution
{
    // The newest release whose configuration sources could be read at its tag (core v0.159.0).
    public const string Version = "0.159.0";

    public const string Image = "otel/opentelemetry-collector-contrib:" + Version;
}
