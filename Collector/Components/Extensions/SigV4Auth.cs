namespace Infra.Collector.Components.Extensions;

/// <summary>
/// sigv4auth extension, a client authenticator. Type: ecosystem-explorer registry
/// contrib/v0.159.0/extension.yaml (no alias). Keys: contrib extension/sigv4authextension/config.go (v0.156.0).
/// </summary>
public static class SigV4Auth
{
    public const string Type = "sigv4auth";

    public static readonly ComponentType Descriptor = new()
    {
        Kind = ComponentKind.Extension,
        Type = Type,
        Record = typeof(SigV4AuthExtension),
        AcceptedKeys = ComponentType.Keys(["region", "service", "assume_role"]),
    };
}

/// <summary>sigv4auth extension: credentials from the task role (the AWS SDK's default chain).</summary>
public sealed record SigV4AuthExtension(
    string Region,
    string Service);
