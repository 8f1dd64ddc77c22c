using Multicloud.Verify.Cli;

namespace Multicloud.Verify.Canary;

/// <summary>What the canary's two services need: the stack, their regions, the ingress and its token, and how to connect.</summary>
internal sealed record CanarySettings(string Stack, string AwsRegion, string AzureRegion, Uri Endpoint, Secret Token, Func<HttpMessageHandler> Connections);
