using Infra.Capacity;
using Infra.Cost.Billing;
using Infra.Settings.Topology;

namespace Infra.Cost;

/// <summary>Monthly cost per line item, priced from <see cref="PriceTable"/>, with the configured sampling and with everything kept.</summary>
public static class CostModel
{
    /// <summary>AWS's convention for a month of hours: 365 x 24 / 12.</summary>
    public const double HoursPerMonth = 730;

    public const double SecondsPerMonth = HoursPerMonth * 3600;

    /// <summary>Billing GB for traffic and ingestion: 10^9 bytes (Azure Monitor bills in 10^9-byte GB).</summary>
    public const double BytesPerGb = 1e9;

    /// <summary>The share of ingested spans Transaction Search indexes as trace summaries for free (Enable-TransactionSearch.html: "1% of ingested spans for free").</summary>
    public const double FreeIndexingPercentage = 1;

    public static CostReport Compute(CapacityReport capacity, CostInputs inputs, IReadOnlyList<Price>? prices = null)
    {
        var table = prices ?? PriceTable.All;
        var traffic = capacity.Traffic;
        var kept = capacity.KeptTraceShare;
        var aws = inputs.AwsRegion;
        var bytes = BilledSpanBytes.For(traffic.AverageSpanBytes);
        var lines = new List<CostLine>();

        Price? Find(PriceItem item, string region) => PriceTable.Find(item, region, inputs.Architecture, table);

        void Add(string item, string region, PriceItem priceItem, string unit, double sampled, double keepAll)
        {
            var price = Find(priceItem, region);
            lines.Add(CostLine.Of(item, region, unit, sampled, keepAll, price));
        }

        // Per month, with a share of the traces kept: spans, and GB at so many bytes per span.
        double Spans(double share) => traffic.SpansPerSecond * share * SecondsPerMonth;
        double Gb(double share, double bytesPerSpan) => Spans(share) * bytesPerSpan / BytesPerGb;

        var tasks = new List<TierTasks>();
        foreach (var tier in capacity.Tiers)
        {
            var size = tier.Size;
            var vcpuHours = size.MinTasks * size.Vcpu * HoursPerMonth;
            var gbHours = size.MinTasks * size.MemoryGb * HoursPerMonth;
            Add($"Fargate {tier.Tier.Name} vCPU", aws, PriceItem.FargateVcpuHour, "vCPU-hours", vcpuHours, vcpuHours);
            Add($"Fargate {tier.Tier.Name} memory", aws, PriceItem.FargateGbHour, "GB-hours", gbHours, gbHours);
            var (vcpu, gb) = (Find(PriceItem.FargateVcpuHour, aws), Find(PriceItem.FargateGbHour, aws));
            decimal? hourly = vcpu is null || gb is null ? null : (decimal)size.Vcpu * vcpu.UnitPrice + (decimal)size.MemoryGb * gb.UnitPrice;
            tasks.Add(new TierTasks(tier.Tier.Name, size.MinTasks, tier.Peak.Tasks, hourly));
        }

        var nlbHours = inputs.Inventory.LoadBalancers * HoursPerMonth;
        Add("NLB hours", aws, PriceItem.NlbHour, "NLB-hours", nlbHours, nlbHours);
        var processedGbPerHour = traffic.BytesPerSecond * 3600 / BytesPerGb;
        var nlcuHours = inputs.Inventory.LoadBalancers > 0 ? NlbCapacityUnits.PerHour(inputs.LoadBalancer, processedGbPerHour) * HoursPerMonth : 0;
        Add("NLB capacity units", aws, PriceItem.NlbCapacityUnitHour, "NLCU-hours", nlcuHours, nlcuHours);

        if (inputs.Xray.OverOtlp)
        {
            Add("Transaction Search span ingestion (aws/spans)", aws, PriceItem.TransactionSearchSpanGbIngested, "GB",
                Gb(kept, bytes.AwsSpansRecord), Gb(1, bytes.AwsSpansRecord));
            var indexedAboveFree = Math.Max(0, inputs.Xray.IndexingPercentage - FreeIndexingPercentage) / 100;
            Add($"Trace summaries indexed above the free {FreeIndexingPercentage}%", aws, PriceItem.TransactionSearchSpanIndexed, "spans",
                Spans(kept) * indexedAboveFree, Spans(1) * indexedAboveFree);
        }
        else
        {
            double TracesKept(double share) => traffic.TracesPerSecond * share * SecondsPerMonth;
            Add("X-Ray traces recorded", aws, PriceItem.XRayTraceRecorded, "traces", TracesKept(kept), TracesKept(1));
        }

        Add("App Insights / Log Analytics ingestion", inputs.AzureLocation, PriceItem.LogAnalyticsGbIngested, "GB", Gb(kept, bytes.AzureBilled), Gb(1, bytes.AzureBilled));

        if (capacity.Router is not null)
        {
            // Every span goes from a router to a sampler; with tasks spread evenly over n zones, (n - 1) / n of it crosses
            // a zone, billed out of one and into the other.
            var zones = inputs.Network.AvailabilityZones;
            var crossAzGb = Gb(1, traffic.AverageSpanBytes) * (zones - 1) / zones * 2;
            Add("Cross-AZ router to sampler", aws, PriceItem.DataTransferInterAzGb, "directional GB", crossAzGb, crossAzGb);
        }
        Add("Internet egress to Azure Monitor", aws, PriceItem.DataTransferOutGb, "GB", Gb(kept, bytes.AzureEnvelope), Gb(1, bytes.AzureEnvelope));
        if (inputs.Network.NatGatewayEgress)
        {
            // Both exports leave the private subnets through the NAT gateway: the Azure envelopes, and to X-Ray the OTLP
            // spans (otlp) or segment documents, taken at the aws/spans event's size (segments).
            var xrayBytes = inputs.Xray.OverOtlp ? traffic.AverageSpanBytes : bytes.AwsSpansRecord;
            Add("NAT gateway processing", aws, PriceItem.NatGatewayGbProcessed, "GB",
                Gb(kept, bytes.AzureEnvelope + xrayBytes), Gb(1, bytes.AzureEnvelope + xrayBytes));
        }

        var inventory = inputs.Inventory;
        Add("CloudWatch alarms", aws, PriceItem.CloudWatchAlarmMonth, "alarm-months", inventory.Alarms, inventory.Alarms);
        Add("CloudWatch dashboards", aws, PriceItem.CloudWatchDashboardMonth, "dashboard-months", inventory.Dashboards, inventory.Dashboards);
        Add("CloudWatch custom metrics", aws, PriceItem.CloudWatchCustomMetricMonth, "metric-months", inventory.CustomMetrics, inventory.CustomMetrics);
        Add("SSM Advanced parameters", aws, PriceItem.SsmAdvancedParameterMonth, "parameter-months", inventory.AdvancedParameters, inventory.AdvancedParameters);

        return new CostReport(aws, inputs.AzureLocation, inputs.Architecture, kept, inputs.Xray, inputs.Network, bytes, tasks, lines);
    }
}
