using System.Text.RegularExpressions;

namespace Infra.Collector.Components.Extensions;

/// <summary>
/// bearertokenauth extension. Type: ecosystem-explorer registry contrib/v0.159.0/extension.yaml (no alias).
/// Keys: contrib extension/bearertokenauthextension/config.schema.yaml (contrib main as stored). Rules
/// (its config.go): <c>token</c> or <c>tokens</c>, not both, or a <c>filename</c>, which makes the
/// collector ignore both. Our own rule on top: every token is an <c>${env:...}</c> or <c>${file:...}</c>
/// reference, so no token is ever written into a config that sits in a plain parameter.
/// </summary>
public static partial class BearerTokenAuth
{
    public const string Type = "bearertokenauth";

    public static readonly ComponentType Descriptor = new()
    {
        Kind = ComponentKind.Extension,
        Type = Type,
        Record = typeof(BearerTokenAuthExtension),
        AcceptedKeys = ComponentType.Keys(["token", "tokens", "filename", "scheme", "header"]),
        Rules = Check,
    };

    private static void Check(string id, Dictionary<string, object?> settings, List<string> errors)
    {
        var where = $"extensions::{id}";
        var hasToken = settings.ContainsKey("token");
        var hasTokens = settings.ContainsKey("tokens");
        if (hasToken && hasTokens)
        {
            // The collector's own wording (errTokensAndTokenProvided).
            errors.Add($"{where}: either tokens or token should be provided, not both");
        }
        if (!hasToken && !hasTokens && !settings.ContainsKey("filename"))
        {
            errors.Add($"{where}: no bearer token provided");
        }
        if (settings.ContainsKey("filename") && (hasToken || hasTokens))
        {
            errors.Add($"{where}: filename is set, so the collector ignores {(hasTokens ? "tokens" : "token")}");
        }

        var values = new List<(string Key, object? Value)>();
        if (hasToken)
        {
            values.Add(("token", settings["token"]));
        }
        if (hasTokens)
        {
            if (settings["tokens"] is not List<object?> { Count: > 0 } tokens)
            {
                errors.Add($"{where}: tokens must be a list of at least one token");
            }
            else
            {
                values.AddRange(tokens.Select((token, i) => ($"tokens[{i}]", token)));
            }
        }
        foreach (var (key, value) in values.Where(entry => entry.Value is not string text || !SecretReference().IsMatch(text)))
        {
            errors.Add($"{where}: {key} is not a ${{env:NAME}} or ${{file:PATH}} reference; a token written into the config is readable by anyone who can read the config");
        }
    }

    [GeneratedRegex(@"^\$\{(env|file):[^${}]+\}$")]
    private static partial Regex SecretReference();
}

/// <summary>
/// bearertokenauth extension: <c>tokens</c>, each accepted as "Bearer &lt;token&gt;" on the Authorization
/// header. Values are <c>${env:...}</c> references, never tokens.
/// </summary>
public sealed record BearerTokenAuthExtension(
    IReadOnlyList<string> Tokens);
