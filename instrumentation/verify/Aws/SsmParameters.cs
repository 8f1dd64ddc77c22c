using Multicloud.Verify.Cli;

namespace Multicloud.Verify.Aws;

/// <summary>Reads a SecureString parameter (GetParameter with WithDecryption; the answer's Parameter.Value).</summary>
internal sealed class SsmParameters(AwsClient aws, Uri endpoint)
{
    public async Task<Secret> GetSecureAsync(string nameOrArn, CancellationToken cancellation)
    {
        using var answer = await aws.PostJson11Async(AwsActions.GetParameter, endpoint, "AmazonSSM.GetParameter", new Dictionary<string, object> { ["Name"] = nameOrArn, ["WithDecryption"] = true }, cancellation);
        return answer.RootElement.TryGetProperty("Parameter", out var parameter) && parameter.TryGetProperty("Value", out var value) && value.GetString() is { Length: > 0 } text
            ? new Secret(text)
            : throw new AwsCallException(AwsActions.GetParameter.Permission, 200, "NoValue", $"the parameter {nameOrArn} has no value");
    }
}
