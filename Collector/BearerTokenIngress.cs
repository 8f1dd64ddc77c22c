using Infra.Collector.Components.Extensions;

namespace Infra.Collector;

/// <summary>
/// Bearer-token authentication on the OTLP receiver of the tier behind the load balancer. The
/// collector accepts any token named here; each is read from an environment variable that ECS fills
/// from an SSM SecureString, so the config holds only <c>${env:NAME}</c> references.
/// </summary>
public sealed record BearerTokenIngress(IReadOnlyList<string> TokenVariables)
{
    public const string ExtensionId = BearerTokenAuth.Type;

    /// <summary>The extension block: one <c>${env:NAME}</c> per variable (the collector expands list items too).</summary>
    public BearerTokenAuthExtension Extension => new([.. TokenVariables.Select(variable => $"${{env:{variable}}}")]);
}
