namespace Multicloud.Verify;

/// <summary>
/// The CloudWatch metrics each run publishes (PutMetricData), for the alarm that says the canary stopped seeing its
/// trace. Missing data means the canary did not run, which the alarm treats as breaching.
/// </summary>
public static class VerifyMetrics
{
    /// <summary>The CloudWatch namespace.</summary>
    public const string Namespace = "OtelMulticloud/Verify";

    /// <summary>1 when the canary trace was found whole in X-Ray and in Application Insights, else 0. Unit Count.</summary>
    public const string CrossCloudTraceSeen = "CrossCloudTraceSeen";

    /// <summary>Seconds from sending the canary to finding it in the later of the two backends; only when both had it. Unit Seconds.</summary>
    public const string EndToEndDelaySeconds = "EndToEndDelaySeconds";

    /// <summary>The one dimension of both metrics; its value is the stack name.</summary>
    public const string StackDimension = "Stack";
}
