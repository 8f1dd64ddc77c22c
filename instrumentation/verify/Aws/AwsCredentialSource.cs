using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Multicloud.Verify.Aws;

/// <summary>Where the AWS credentials come from: the SDK's default chain in a real run, fixed ones in tests.</summary>
internal delegate Task<ImmutableCredentials> AwsCredentialSource(CancellationToken cancellation);

internal static class AwsCredentialSources
{
    /// <summary>
    /// AWSSDK.Core's default chain (environment variables, web identity from configure-aws-credentials, profiles,
    /// the ECS container and EC2 instance roles of a self-hosted runner), resolved once.
    /// </summary>
    public static AwsCredentialSource DefaultChain()
    {
        Task<ImmutableCredentials>? resolved = null;
        return _ => resolved ??= Resolve();

        static async Task<ImmutableCredentials> Resolve()
        {
            AWSCredentials credentials;
            try
            {
                credentials = DefaultAWSCredentialsIdentityResolver.GetCredentials();
            }
            catch (AmazonClientException error)
            {
                throw new AwsCallException("credentials", 0, "NoCredentials", $"no AWS credentials found ({error.Message.Split('\n')[0]}): run after aws-actions/configure-aws-credentials, or with a profile or an instance role");
            }

            return await credentials.GetCredentialsAsync();
        }
    }
}
