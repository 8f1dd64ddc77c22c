namespace Infra.Collector.Components;

/// <summary>
/// configauth.Config (core config/configauth), the same block on servers and clients: the extension
/// that authenticates (receivers) or signs (exporters) each request.
/// </summary>
public sealed record Authentication(
    string Authenticator);
