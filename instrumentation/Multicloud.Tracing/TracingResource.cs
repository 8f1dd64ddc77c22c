using OpenTelemetry.Resources;

namespace Multicloud.Tracing;

/// <summary>The kit's resource attributes; added after the SDK's defaults, so they win over the same keys there.</summary>
internal sealed class TracingResource(TracingSettings settings) : IResourceDetector
{
    public Resource Detect() => new(
    [
        new("service.name", settings.ServiceName),
        new("service.version", settings.ServiceVersion),
        new("deployment.environment.name", settings.DeploymentEnvironment),
        new("deployment.environment", settings.DeploymentEnvironment),
        new("cloud.provider", settings.CloudProvider),
        new("cloud.region", settings.CloudRegion),
    ]);
}
