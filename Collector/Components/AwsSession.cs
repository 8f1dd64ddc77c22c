namespace Infra.Collector.Components;

/// <summary>
/// awsutil.AWSSessionSettings (contrib internal/aws/awsutil/awsconfig.go, v0.156.0 as vendored by
/// aws-otel-collector), squashed into awsxray and awsemf.
/// </summary>
public static class AwsSession
{
    public static readonly IReadOnlyList<string> Keys =
    [
        "num_workers", "endpoint", "request_timeout_seconds", "max_retries", "no_verify_ssl", "proxy_address",
        "region", "local_mode", "resource_arn", "role_arn", "external_id",
    ];
}
