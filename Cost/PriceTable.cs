using Infra.Settings.Topology;

namespace Infra.Cost;

/// <summary>
/// Every price the cost model uses, each with its source and the date it was read. A region or item missing here is
/// "not priced": the model says so instead of guessing. Official AWS and Azure pricing pages render regional rates
/// dynamically, so several figures come from their price APIs or examples as quoted elsewhere; the source says which.
/// </summary>
public static class PriceTable
{
    private static readonly DateOnly Read = new(2026, 11, 29);

    private const string VantageFargate = "https://www.vantage.sh/blog/fargate-pricing (rates stated for us-east-1)";
    private const string FgcalcRegions = "github.com/theuves/fgcalc src/utils/data.js (per-region Fargate Linux/X86 table)";
    private const string AwsPriceListEuArm = "AWS Price List API, EU (Ireland) SKUs KXC9CEUQGJQPNZPY (EU-Fargate-ARM-vCPU-Hours:perCPU) "
        + "and MGJ5EB5GSHR8QZDF (EU-Fargate-ARM-GB-Hours)";
    private const string XRayPage = "https://aws.amazon.com/de/xray/pricing/ (one price, no regional table)";
    private const string CloudWatchFreeTier = "free tier: https://aws.amazon.com/cloudwatch/pricing/";

    public static IReadOnlyList<Price> All { get; } =
    [
        // Fargate, us-east-1.
        new(PriceItem.FargateVcpuHour, "us-east-1", CpuArchitecture.X86_64, 0.04048m, "vCPU-hour", 0, $"{VantageFargate}; {FgcalcRegions}", Read),
        new(PriceItem.FargateGbHour, "us-east-1", CpuArchitecture.X86_64, 0.004445m, "GB-hour", 0, $"{VantageFargate}; {FgcalcRegions}", Read),
        new(PriceItem.FargateVcpuHour, "us-east-1", CpuArchitecture.ARM64, 0.03238m, "vCPU-hour", 0, VantageFargate, Read),
        new(PriceItem.FargateGbHour, "us-east-1", CpuArchitecture.ARM64, 0.00356m, "GB-hour", 0, VantageFargate, Read),

        // Fargate, eu-west-1.
        new(PriceItem.FargateVcpuHour, "eu-west-1", CpuArchitecture.X86_64, 0.04048m, "vCPU-hour", 0, FgcalcRegions, Read),
        new(PriceItem.FargateGbHour, "eu-west-1", CpuArchitecture.X86_64, 0.004445m, "GB-hour", 0, FgcalcRegions, Read),
        new(PriceItem.FargateVcpuHour, "eu-west-1", CpuArchitecture.ARM64, 0.03238m, "vCPU-hour", 0, AwsPriceListEuArm, Read,
            "read through a public pricing audit dated 2026-05-01 that quotes the Price List rows"),
        new(PriceItem.FargateGbHour, "eu-west-1", CpuArchitecture.ARM64, 0.00356m, "GB-hour", 0, AwsPriceListEuArm, Read,
            "read through a public pricing audit dated 2026-05-01 that quotes the Price List rows"),

        // Network Load Balancer, us-east-1.
        new(PriceItem.NlbHour, "us-east-1", null, 0.0225m, "NLB-hour", 0,
            "https://clustercost.com/blog/network-load-balancer-pricing-2025 (US-East-1)", Read),
        new(PriceItem.NlbCapacityUnitHour, "us-east-1", null, 0.006m, "NLCU-hour", 0,
            "https://aws.amazon.com/elasticloadbalancing/pricing/ (US-East-1 example), as transcribed in "
            + "github.com/api-evangelist/amazon-elastic-load-balancing plans/amazon-elastic-load-balancing-plans-pricing.yml (page read 2026-09-20)", Read),

        // X-Ray: traces recorded, 100,000 a month free.
        new(PriceItem.XRayTraceRecorded, "us-east-1", null, 0.000005m, "trace recorded", 100_000, XRayPage, Read),
        new(PriceItem.XRayTraceRecorded, "eu-west-1", null, 0.000005m, "trace recorded", 100_000, XRayPage, Read),

        // CloudWatch and SSM, us-east-1.
        new(PriceItem.CloudWatchAlarmMonth, "us-east-1", null, 0.10m, "standard alarm metric-month", 10,
            $"https://c3x.dev/resources/aws/aws_cloudwatch_metric_alarm; {CloudWatchFreeTier}", Read),
        new(PriceItem.CloudWatchDashboardMonth, "us-east-1", null, 3.00m, "dashboard-month", 3,
            $"https://www.factualminds.com/blog/amazon-cloudwatch-pricing-metrics-logs-alarms-dashboards/; {CloudWatchFreeTier}", Read),
        new(PriceItem.CloudWatchCustomMetricMonth, "us-east-1", null, 0.30m, "metric-month (first 10,000)", 10,
            $"https://cal53.calculator.city/cloudwatch-custom-metrics-calculator/; {CloudWatchFreeTier}", Read),
        new(PriceItem.SsmAdvancedParameterMonth, "us-east-1", null, 0.05m, "advanced parameter-month", 0,
            "https://github.com/jenkinsci/aws-secrets-manager-credentials-provider-plugin/issues/72 (Parameter Store tier comparison)", Read),

        // Log Analytics (workspace-based Application Insights bills here): Analytics Logs, pay-as-you-go.
        new(PriceItem.LogAnalyticsGbIngested, "eastus", null, 2.30m, "GB ingested", 5,
            "Azure Retail Prices API, meter 'Analytics Logs Data Ingestion', armRegionName eastus (https://prices.azure.com/api/retail/prices): "
            + "first 5 GB $0, then $2.30; headline also at https://monitoringcost.com/azure-monitor-cost", Read,
            "read through public infrastructure code that verified the API value on 2026-08-09"),
    ];

    public static Price? Find(PriceItem item, string region, CpuArchitecture architecture, IReadOnlyList<Price>? prices = null) =>
        (prices ?? All).FirstOrDefault(p => p.Item == item
            && string.Equals(p.Region, region, StringComparison.Ordinal)
            && (p.Architecture is null || p.Architecture == architecture));
}
