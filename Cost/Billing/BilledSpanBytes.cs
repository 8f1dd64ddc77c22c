namespace Infra.Cost.Billing;

/// <summary>
/// Bytes per span as each backend counts them, for spans of a given wire size: the aws/spans log event CloudWatch bills
/// span ingestion on (taken as its JSON size: AWS states no other rule), the Application Insights envelope the
/// azure_monitor exporter sends (what leaves AWS for Azure), and what Log Analytics bills for it.
/// </summary>
public sealed record BilledSpanBytes(double WireBytes, double AwsSpansRecord, double AzureEnvelope, double AzureBilled)
{
    /// <summary>
    /// Log Analytics bills a record's stored columns, not the incoming JSON: "On average, across all event types, the
    /// billed size is around 25 percent less than the incoming data size. It can be up to 50 percent for small events"
    /// (MicrosoftDocs/azure-monitor-docs articles/azure-monitor/logs/cost-logs.md @0488e07b, ms.date 2024-12-09, read
    /// 2026-12-07). The average 25% is used; for events this small the saving may be larger, so this errs high.
    /// </summary>
    public const double AzureBilledShareOfEnvelope = 0.75;

    public static RecordGrowth AwsSpans { get; } = RecordGrowth.Measure(SpanLogRecord.Bytes);

    public static RecordGrowth Azure { get; } = RecordGrowth.Measure(Billing.AzureEnvelope.Bytes);

    public static BilledSpanBytes For(double wireBytes)
    {
        var envelope = Azure.BytesFor(wireBytes);
        return new BilledSpanBytes(wireBytes, AwsSpans.BytesFor(wireBytes), envelope, envelope * AzureBilledShareOfEnvelope);
    }
}
