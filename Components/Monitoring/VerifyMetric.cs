namespace Infra.Components.Monitoring;

/// <summary>
/// What the verify tool (instrumentation/verify, VerifyMetrics) publishes after each run: 1 when its canary trace was
/// found whole in X-Ray and in Application Insights, else 0, per stack. The alarm on it is the AWS side's only view of
/// the Azure path: a silent Azure failure pages from AWS too.
/// </summary>
public static class VerifyMetric
{
    public const string Namespace = "OtelMulticloud/Verify";

    public const string CrossCloudTraceSeen = "CrossCloudTraceSeen";

    public const string StackDimension = "Stack";

    /// <summary>The canary workflow runs hourly.</summary>
    public const int CanaryPeriodSeconds = 3600;

    /// <summary>Two hourly runs missed or failed in a row: one run may meet Application Insights' ingestion delay.</summary>
    public const int PeriodsToAlarm = 2;
}
