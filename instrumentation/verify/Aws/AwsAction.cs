namespace Multicloud.Verify.Aws;

/// <summary>
/// One AWS API call verify makes: the IAM permission it needs, the service name it is signed for, and why verify
/// makes it. Every call goes through one of <see cref="AwsActions.All"/>, and the README's permission table lists
/// exactly those (a test holds it to them).
/// </summary>
internal sealed record AwsAction(string Permission, string SigningName, string When, string Why);

internal static class AwsActions
{
    // API shapes: CloudWatch Logs API reference (StartQuery, GetQueryResults; JSON 1.1, target prefix Logs_20140328),
    // X-Ray API reference (BatchGetTraces: POST /Traces), CloudWatch API reference (PutMetricData, query protocol,
    // Version 2010-08-01), Systems Manager API reference (GetParameter; JSON 1.1, target prefix AmazonSSM).
    public static readonly AwsAction StartQuery = new("logs:StartQuery", "logs", "`xrayExport: otlp`", "find the canary's spans in the `aws/spans` log group (Logs Insights)");
    public static readonly AwsAction GetQueryResults = new("logs:GetQueryResults", "logs", "`xrayExport: otlp`", "read that query's result");
    public static readonly AwsAction BatchGetTraces = new("xray:BatchGetTraces", "xray", "`xrayExport: segments`", "read the canary trace from X-Ray");
    public static readonly AwsAction PutMetricData = new("cloudwatch:PutMetricData", "monitoring", "unless `--no-metrics`", $"publish `{VerifyMetrics.CrossCloudTraceSeen}` and `{VerifyMetrics.EndToEndDelaySeconds}`");
    public static readonly AwsAction GetParameter = new("ssm:GetParameter", "ssm", "when `OTLP_INGRESS_TOKEN` is not set", "read the ingress token from the `ingressTokenParameterArn` parameter (with decryption; its key is the AWS-managed `alias/aws/ssm`)");

    public static IReadOnlyList<AwsAction> All { get; } = [StartQuery, GetQueryResults, BatchGetTraces, PutMetricData, GetParameter];
}
