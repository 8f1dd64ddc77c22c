namespace Multicloud.Verify.Aws;

/// <summary>The AWS endpoints verify calls: the regional public ones unless an option or variable overrides one.</summary>
internal sealed record AwsEndpoints(Uri Logs, Uri XRay, Uri Monitoring, Uri Ssm)
{
    public static AwsEndpoints For(string region, Uri? logs, Uri? xray, Uri? monitoring, Uri? ssm) => new(
        logs ?? Regional("logs", region),
        xray ?? Regional("xray", region),
        monitoring ?? Regional("monitoring", region),
        ssm ?? Regional("ssm", region));

    private static Uri Regional(string service, string region) => new($"https://{service}.{region}.amazonaws.com/");
}
