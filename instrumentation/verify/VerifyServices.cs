using Azure.Core;
using Azure.Identity;
using Multicloud.Verify.Aws;
using Multicloud.Verify.Stack;

namespace Multicloud.Verify;

/// <summary>
/// What a run talks to: the AWS credential chain, the Entra credential, the HTTP handler for AWS and Azure calls, the
/// Pulumi CLI, the clock and the working directory. A real run uses <see cref="Default"/>; tests give fakes on 127.0.0.1.
/// </summary>
internal sealed record VerifyServices(
    AwsCredentialSource AwsCredentials,
    TokenCredential AzureCredential,
    Func<HttpMessageHandler> CloudConnections,
    Func<string, CancellationToken, Task<string>> StackOutputJson,
    TimeProvider Clock,
    string WorkingDirectory,
    Func<string, string?> Environment)
{
    public static VerifyServices Default() => new(
        AwsCredentialSources.DefaultChain(),
        // Environment (a service principal), workload identity, managed identity, then the Azure CLI login azure/login leaves.
        new DefaultAzureCredential(),
        () => new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) },
        PulumiCli.StackOutputJsonAsync,
        TimeProvider.System,
        Directory.GetCurrentDirectory(),
        System.Environment.GetEnvironmentVariable);
}
