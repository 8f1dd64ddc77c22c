using Infra.Settings;

namespace Infra.Plan;

/// <summary>What a reviewer should know that no resource shows: things the stack relies on but does not own.</summary>
public static class PlanNotes
{
    public static IReadOnlyList<string> For(StackSettings settings)
    {
        var notes = new List<string>();
        var export = settings.Export;
        if (export.XrayOverOtlp && !export.ManageTransactionSearch)
        {
            notes.Add($"X-Ray export uses the OTLP endpoint, which needs CloudWatch Transaction Search: this stack does not manage it ({SettingKeys.Qualified(SettingKeys.TransactionSearchEnabled)} = true says it is on in {settings.AwsRegion}). Check with: aws xray get-trace-segment-destination --region {settings.AwsRegion} (expect CloudWatchLogs, ACTIVE).");
        }
        if (export.ManageTransactionSearch)
        {
            notes.Add($"This stack owns CloudWatch Transaction Search in {settings.AwsRegion} for the whole account: every span sent to X-Ray there is billed as CloudWatch span ingestion, {export.TransactionSearchIndexingPercentage.ToString(System.Globalization.CultureInfo.InvariantCulture)}% indexed as trace summaries.");
        }
        notes.Add("The OTLP load balancer has its own security group, which AWS sets on a network load balancer only at creation: a stack deployed before it had one gets a new load balancer on this update (created before the old is deleted), with a new DNS name. Repoint ingressHostName, if any, at the otlpLoadBalancerDnsName output.");
        return notes;
    }
}
