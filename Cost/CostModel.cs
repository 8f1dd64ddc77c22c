using Infra.Capacity;
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

    /// <summary>The assumptions every cost report rests on, for the renderers.</summary>
    public static IReadOnlyList<string> Assumptions { get; } =
    [
        "Fargate runs the minimum task count all month (730 hours); autoscaling above it is for bursts and is not priced.",
        "Kept traces = error share + slow share + sampling percentage of the rest (policies OR'ed, error and slow traces disjoint); kept traces have the average span count.",
        "Every span crosses the load balancer once; its processed bytes are the spans' wire bytes (headers not counted).",
        "X-Ray records every kept trace once (awsxray exporter). With the X-Ray OTLP endpoint and CloudWatch Transaction Search, spans are billed as CloudWatch span ingestion instead (1% indexed free); that price was not found, so it is not modelled.",
        "Azure bills each kept span at its wire size (Microsoft: billed size runs ~25% below the JSON event; OTLP protobuf is more compact than JSON).",
        "CloudWatch custom metrics are the collectors' self-metric series; RED metrics add up to 5 per sending service (calls, calls by status code, duration), not counted here. EMF log ingestion is not priced.",
        "Free allowances (X-Ray 100,000 traces, Log Analytics 5 GB, CloudWatch 10 alarms, 3 dashboards, 10 metrics) are the account's and used only by this stack.",
        "Trace retrieval and scans, log retention beyond the included period, data transfer and taxes are not included.",
    ];

    public static CostReport Compute(CapacityReport capacity, CostInputs inputs, IReadOnlyList<Price>? prices = null)
    {
        var table = prices ?? PriceTable.All;
        var traffic = capacity.Traffic;
        var kept = capacity.KeptTraceShare;
        var aws = inputs.AwsRegion;
        var lines = new List<CostLine>();

        void Add(string item, string region, PriceItem priceItem, string unit, double sampled, double keepAll)
        {
            var price = PriceTable.Find(priceItem, region, inputs.Architecture, table);
            lines.Add(new CostLine(item, region, unit, sampled, keepAll, price, Cost(price, sampled), Cost(price, keepAll)));
        }

        void Fargate(string tier, TierSize size)
        {
            var vcpuHours = size.MinTasks * size.Vcpu * HoursPerMonth;
            var gbHours = size.MinTasks * size.MemoryGb * HoursPerMonth;
            Add($"Fargate {tier} vCPU", aws, PriceItem.FargateVcpuHour, "vCPU-hours", vcpuHours, vcpuHours);
            Add($"Fargate {tier} memory", aws, PriceItem.FargateGbHour, "GB-hours", gbHours, gbHours);
        }

        foreach (var tier in capacity.Tiers)
        {
            Fargate(tier.Tier.Name, tier.Size);
        }

        var nlbHours = inputs.Inventory.LoadBalancers * HoursPerMonth;
        Add("NLB hours", aws, PriceItem.NlbHour, "NLB-hours", nlbHours, nlbHours);
        var processedGbPerHour = traffic.BytesPerSecond * 3600 / BytesPerGb;
        var nlcuHours = inputs.Inventory.LoadBalancers > 0 ? NlbCapacityUnits.PerHour(inputs.LoadBalancer, processedGbPerHour) * HoursPerMonth : 0;
        Add("NLB capacity units", aws, PriceItem.NlbCapacityUnitHour, "NLCU-hours", nlcuHours, nlcuHours);

        double TracesKept(double share) => traffic.TracesPerSecond * share * SecondsPerMonth;
        Add("X-Ray traces recorded", aws, PriceItem.XRayTraceRecorded, "traces", TracesKept(kept), TracesKept(1));

        double GbIngested(double share) => traffic.BytesPerSecond * share * SecondsPerMonth / BytesPerGb;
        Add("App Insights / Log Analytics ingestion", inputs.AzureLocation, PriceItem.LogAnalyticsGbIngested, "GB", GbIngested(kept), GbIngested(1));

        var inventory = inputs.Inventory;
        Add("CloudWatch alarms", aws, PriceItem.CloudWatchAlarmMonth, "alarm-months", inventory.Alarms, inventory.Alarms);
        Add("CloudWatch dashboards", aws, PriceItem.CloudWatchDashboardMonth, "dashboard-months", inventory.Dashboards, inventory.Dashboards);
        Add("CloudWatch custom metrics", aws, PriceItem.CloudWatchCustomMetricMonth, "metric-months", inventory.CustomMetrics, inventory.CustomMetrics);
        Add("SSM Advanced parameters", aws, PriceItem.SsmAdvancedParameterMonth, "parameter-months", inventory.AdvancedParameters, inventory.AdvancedParameters);

        return new CostReport(aws, inputs.AzureLocation, inputs.Architecture, kept, lines);
    }

    private static decimal? Cost(Price? price, double quantity) =>
        price is null ? null : Math.Max(0m, (decimal)quantity - price.FreeUnitsPerMonth) * price.UnitPrice;
}
