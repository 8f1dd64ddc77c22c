using System.Text.Json;
using Multicloud.Verify.Cli;

namespace Multicloud.Verify.Stack;

/// <summary>
/// The stack outputs verify uses (Stacks/ObservabilityStack.cs exports them), from the JSON object that
/// <c>pulumi stack output --json --show-secrets</c> prints. Others, secrets included, are read past and never kept.
/// </summary>
internal sealed record StackOutputs(Uri OtlpHttpEndpoint, string LogAnalyticsWorkspaceId, string? ApplicationInsightsName, string? IngressTokenParameterArn)
{
    public const string OtlpHttpEndpointKey = "otlpHttpEndpoint";
    public const string LogAnalyticsWorkspaceIdKey = "logAnalyticsWorkspaceId";
    public const string ApplicationInsightsNameKey = "applicationInsightsName";
    public const string IngressTokenParameterArnKey = "ingressTokenParameterArn";

    public static StackOutputs Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            throw new UsageException($"{source} is not JSON ({error.Message.Split('.')[0]}): expected the object `pulumi stack output --json --show-secrets` prints.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"{source} is JSON but not an object: expected the object `pulumi stack output --json --show-secrets` prints.");
            }

            var root = document.RootElement;
            var endpoint = Required(root, OtlpHttpEndpointKey, source);
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new UsageException($"{source}: {OtlpHttpEndpointKey} is '{endpoint}', not an http:// or https:// URL.");
            }

            return new StackOutputs(uri, Required(root, LogAnalyticsWorkspaceIdKey, source), Optional(root, ApplicationInsightsNameKey), Optional(root, IngressTokenParameterArnKey));
        }
    }

    private static string Required(JsonElement root, string key, string source) =>
        Optional(root, key) ?? throw new UsageException($"{source} has no string output '{key}': is it the output of this project's stack, after `pulumi up`?");

    private static string? Optional(JsonElement root, string key) =>
        root.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
