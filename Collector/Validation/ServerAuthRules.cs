using Infra.Collector.Components;
using Infra.Collector.Components.Extensions;
using static Infra.Collector.ConfigTree;

namespace Infra.Collector.Validation;

/// <summary>
/// Receivers that authenticate (core config/configauth: <c>auth.authenticator</c> on a protocol's server
/// config): the named extension must be configured, started (listed in service::extensions), and a
/// server authenticator; and a receiver that authenticates one protocol must authenticate them all.
/// </summary>
internal static class ServerAuthRules
{
    /// <summary>Extension types of the pinned build that authenticate incoming requests (sigv4auth only signs outgoing ones).</summary>
    public static readonly IReadOnlyList<ComponentType> ServerAuthenticators = [BearerTokenAuth.Descriptor];

    public static void Check(Dictionary<string, object?> receivers, Dictionary<string, object?> extensions, IReadOnlyList<string> serviceExtensions, List<string> errors)
    {
        foreach (var (receiverId, value) in receivers)
        {
            var protocols = Map(value as Dictionary<string, object?> ?? [], "protocols");
            var authenticated = new List<string>();
            foreach (var (protocol, settings) in protocols)
            {
                var server = settings as Dictionary<string, object?> ?? [];
                if (!server.ContainsKey("auth"))
                {
                    continue;
                }
                authenticated.Add(protocol);
                CheckAuthenticator($"receivers::{receiverId}: protocols::{protocol}::auth", Map(server, "auth"), extensions, serviceExtensions, errors);
            }
            if (authenticated.Count == 0)
            {
                continue;
            }
            foreach (var open in protocols.Keys.Except(authenticated, StringComparer.Ordinal))
            {
                errors.Add($"receivers::{receiverId}: protocols::{open} has no auth while {string.Join(", ", authenticated)} has; an unauthenticated protocol is a way around the authenticator");
            }
        }
    }

    private static void CheckAuthenticator(string where, Dictionary<string, object?> auth, Dictionary<string, object?> extensions, IReadOnlyList<string> serviceExtensions, List<string> errors)
    {
        if (auth.GetValueOrDefault("authenticator") is not string { Length: > 0 } id)
        {
            errors.Add($"{where} has no authenticator");
            return;
        }
        if (!extensions.ContainsKey(id))
        {
            errors.Add($"{where}::authenticator \"{id}\" is not a configured extension (the collector fails with: failed to resolve authenticator \"{id}\": authenticator not found)");
            return;
        }
        if (!serviceExtensions.Contains(id, StringComparer.Ordinal))
        {
            errors.Add($"{where}::authenticator \"{id}\" is not listed in service::extensions, so it never starts and every request fails");
        }
        if (!ServerAuthenticators.Any(type => type.IsTypeOf(id)))
        {
            errors.Add($"{where}::authenticator \"{id}\" is not a server authenticator (server authenticators here: {string.Join(", ", ServerAuthenticators.Select(type => type.Type))})");
        }
    }
}
