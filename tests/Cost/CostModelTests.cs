using Infra.Capacity;
using Infra.Cost;
using Infra.Cost.Billing;
using Infra.Settings.Topology;
using Infra.Tests.Capacity;

namespace Infra.Tests.Cost;

/// <summary>One hand-computed case per line item, for the prod-like stack (1000 traces/s x 8 spans x 600 bytes, 7.85% kept).</summary>
public class CostModelTests
{
    private const double Month = 2_628_000; // seconds in 730 hours
    private const double KeptSpans = 8000 * 0.0785 * Month;
    private static readonly BilledSpanBytes Bytes = BilledSpanBytes.For(600);

    private static CostReport UsEast(StackInventory? inventory = null, LoadBalancerTraffic? loadBalancer = null, CpuArchitecture architecture = CpuArchitecture.X86_64,
        XrayPath? xray = null, NetworkPath? network = null, CapacityReport? capacity = null)
    {
        var inputs = Examples.ProdCostInputs("us-east-1", "eastus", architecture, xray);
        return CostModel.Compute(capacity ?? Examples.ProdCapacity(), inputs with
        {
            Inventory = inventory ?? inputs.Inventory,
            LoadBalancer = loadBalancer ?? inputs.LoadBalancer,
            Network = network ?? inputs.Network,
        });
    }

    private static CostLine Line(CostReport report, string item) => Assert.Single(report.Lines, l => l.Item == item);

    [Fact]
    public void Fargate_router_vcpu_is_min_tasks_times_vcpu_times_730_hours()
    {
        var line = Line(UsEast(), "Fargate router vCPU");

        Assert.Equal(2 * 1 * 730, line.SampledQuantity);
        Assert.Equal(1460 * 0.04048m, line.SampledCost);
        Assert.Equal(line.SampledCost, line.KeepAllCost);
    }

    [Fact]
    public void Fargate_router_memory_is_min_tasks_times_gb_times_730_hours()
    {
        var line = Line(UsEast(), "Fargate router memory");

        Assert.Equal(2 * 2 * 730, line.SampledQuantity);
        Assert.Equal(2920 * 0.004445m, line.SampledCost);
    }

    [Fact]
    public void Fargate_sampler_vcpu_and_memory()
    {
        var report = UsEast();

        Assert.Equal(2 * 2 * 730 * 0.04048m, Line(report, "Fargate sampler vCPU").SampledCost);
        Assert.Equal(2 * 4 * 730 * 0.004445m, Line(report, "Fargate sampler memory").SampledCost);
    }

    [Fact]
    public void Fargate_arm64_uses_the_arm_price()
    {
        var report = UsEast(architecture: CpuArchitecture.ARM64);

        Assert.Equal(2920 * 0.03238m, Line(report, "Fargate sampler vCPU").SampledCost);
        Assert.Equal(5840 * 0.00356m, Line(report, "Fargate sampler memory").SampledCost);
    }

    [Fact]
    public void The_report_shows_the_minimum_and_the_peak_hour_task_counts_and_what_an_hour_at_peak_adds()
    {
        var tasks = UsEast().Tasks;

        // Routers: 2 all month, 3 at peak; one more 1 vCPU / 2 GB task for an hour. Samplers: 2 and 2.
        Assert.Equal(new TierTasks("router", 2, 3, 0.04048m + 2 * 0.004445m), tasks[0]);
        Assert.Equal(0.04048m + 2 * 0.004445m, tasks[0].PeakHourExtra);
        Assert.Equal(("sampler", 2, 2, 0m), (tasks[1].Tier, tasks[1].MinTasks, tasks[1].PeakTasks, tasks[1].PeakHourExtra));
    }

    [Fact]
    public void The_single_topology_prices_one_collector_task_and_no_cross_az_hop()
    {
        var capacity = CapacityModel.Compute(Examples.ProdTraffic(), Examples.ProdSampling(), CollectorTopology.Single(1024, 2048), Examples.ProdPlanning(loseZone: false));
        var report = UsEast(capacity: capacity);

        Assert.DoesNotContain(report.Lines, l => l.Item.Contains("router"));
        Assert.Equal(730 * 0.04048m, Line(report, "Fargate collector vCPU").SampledCost);
        Assert.Equal(2 * 730 * 0.004445m, Line(report, "Fargate collector memory").SampledCost);
    }

    [Fact]
    public void Nlb_hours_are_load_balancers_times_730()
    {
        var line = Line(UsEast(), "NLB hours");

        Assert.Equal(730, line.SampledQuantity);
        Assert.Equal(730 * 0.0225m, line.SampledCost);
    }

    [Fact]
    public void Nlb_capacity_units_follow_processed_bytes_when_bytes_dominate()
    {
        // 8,000 spans/s x 600 bytes x 3600 s = 17.28 GB an hour: 17.28 NLCU; 1 new connection/s and 200 active are far below.
        var line = Line(UsEast(), "NLB capacity units");

        Assert.Equal(17.28 * 730, line.SampledQuantity, 9);
        Assert.Equal(Math.Round((decimal)(17.28 * 730) * 0.006m, 6), Math.Round(line.SampledCost!.Value, 6));
        Assert.Equal(line.SampledCost, line.KeepAllCost);
    }

    [Fact]
    public void Nlb_capacity_units_follow_tls_active_connections_when_they_dominate()
    {
        // TLS: 3,000 active connections per NLCU; 90,000 active = 30 NLCU an hour, above the 17.28 from bytes.
        var line = Line(UsEast(loadBalancer: new LoadBalancerTraffic(1, 90_000, true)), "NLB capacity units");

        Assert.Equal(30 * 730, line.SampledQuantity, 9);
        Assert.Equal(30 * 730 * 0.006m, Math.Round(line.SampledCost!.Value, 6));
    }

    [Fact]
    public void Over_otlp_span_ingestion_bills_the_kept_spans_aws_spans_events_per_gb_and_no_traces_recorded()
    {
        var report = UsEast();
        var line = Line(report, "Transaction Search span ingestion (aws/spans)");

        Assert.Equal(KeptSpans * Bytes.AwsSpansRecord / 1e9, line.SampledQuantity, 6);
        Assert.Equal(8000 * Month * Bytes.AwsSpansRecord / 1e9, line.KeepAllQuantity, 6);
        Assert.Equal(Math.Round((decimal)line.SampledQuantity * 0.35m, 4), Math.Round(line.SampledCost!.Value, 4));
        Assert.DoesNotContain(report.Lines, l => l.Item == "X-Ray traces recorded");
    }

    [Fact]
    public void Trace_summaries_within_the_free_one_percent_bill_nothing_even_without_a_price()
    {
        var line = Line(UsEast(), "Trace summaries indexed above the free 1%");

        Assert.Equal((0, 0), (line.SampledQuantity, line.KeepAllQuantity));
        Assert.Null(line.Price);
        Assert.True(line.NothingBilled);
        Assert.Equal((0m, 0m), (line.SampledCost, line.KeepAllCost));
        Assert.False(UsEast().Partial);
    }

    [Fact]
    public void Trace_summaries_indexed_above_the_free_share_are_counted_and_unpriced_makes_the_total_partial()
    {
        // 5% indexed: 4% of the kept spans above the free 1%. No price was found for them in any region.
        var report = UsEast(xray: XrayPath.Otlp(5));
        var line = Line(report, "Trace summaries indexed above the free 1%");

        Assert.Equal(KeptSpans * 0.04, line.SampledQuantity, 3);
        Assert.False(line.IsPriced);
        Assert.True(report.Partial);
        Assert.Equal([line], report.UnpricedLines);
    }

    [Fact]
    public void In_segments_mode_xray_bills_kept_traces_above_the_free_100000_and_no_span_ingestion()
    {
        var report = UsEast(xray: XrayPath.Segments);
        var line = Line(report, "X-Ray traces recorded");

        Assert.Equal(1000 * 0.0785 * Month, line.SampledQuantity, 3);
        Assert.Equal(1000 * Month, line.KeepAllQuantity, 3);
        Assert.Equal(1030.99m, Math.Round(line.SampledCost!.Value, 2));
        Assert.Equal(13_139.50m, Math.Round(line.KeepAllCost!.Value, 2));
        Assert.DoesNotContain(report.Lines, l => l.Item.StartsWith("Transaction Search", StringComparison.Ordinal) || l.Item.StartsWith("Trace summaries", StringComparison.Ordinal));
    }

    [Fact]
    public void Log_analytics_bills_the_kept_spans_records_above_the_free_5_gb()
    {
        var line = Line(UsEast(), "App Insights / Log Analytics ingestion");

        Assert.Equal("eastus", line.Region);
        Assert.Equal(KeptSpans * Bytes.AzureBilled / 1e9, line.SampledQuantity, 6);
        Assert.Equal(Math.Round(((decimal)line.SampledQuantity - 5) * 2.30m, 4), Math.Round(line.SampledCost!.Value, 4));
    }

    [Fact]
    public void Cross_az_bytes_are_the_router_to_sampler_share_that_leaves_its_zone_billed_out_and_in()
    {
        // Every span, before sampling: 8,000 x 600 bytes x 2,628,000 s = 12,614.4 GB; 2 of 3 cross a zone; twice, out and in.
        var line = Line(UsEast(), "Cross-AZ router to sampler");

        Assert.Equal(12_614.4 * 2 / 3 * 2, line.SampledQuantity, 6);
        Assert.Equal(line.SampledQuantity, line.KeepAllQuantity);
        Assert.Equal(168.19m, Math.Round(line.SampledCost!.Value, 2));
        Assert.Equal(0, Line(UsEast(network: new NetworkPath(1, true)), "Cross-AZ router to sampler").SampledQuantity);
    }

    [Fact]
    public void The_azure_envelopes_are_internet_egress_and_both_exports_pass_the_nat_gateway()
    {
        var report = UsEast();
        var egress = Line(report, "Internet egress to Azure Monitor");
        var nat = Line(report, "NAT gateway processing");

        Assert.Equal(KeptSpans * Bytes.AzureEnvelope / 1e9, egress.SampledQuantity, 6);
        Assert.Equal(Math.Round((decimal)egress.SampledQuantity * 0.09m, 4), Math.Round(egress.SampledCost!.Value, 4));
        Assert.Equal(KeptSpans * (Bytes.AzureEnvelope + 600) / 1e9, nat.SampledQuantity, 6);
        Assert.Equal(Math.Round((decimal)nat.SampledQuantity * 0.045m, 4), Math.Round(nat.SampledCost!.Value, 4));
    }

    [Fact]
    public void Without_a_nat_gateway_no_processing_is_priced_and_segments_pass_it_at_the_event_size()
    {
        Assert.DoesNotContain(UsEast(network: new NetworkPath(3, NatGatewayEgress: false)).Lines, l => l.Item == "NAT gateway processing");
        Assert.Equal(KeptSpans * (Bytes.AzureEnvelope + Bytes.AwsSpansRecord) / 1e9, Line(UsEast(xray: XrayPath.Segments), "NAT gateway processing").SampledQuantity, 6);
    }

    [Fact]
    public void Cloudwatch_alarms_above_the_free_10()
    {
        Assert.Equal(2 * 0.10m, Line(UsEast(), "CloudWatch alarms").SampledCost);
    }

    [Fact]
    public void Cloudwatch_dashboards_above_the_free_3()
    {
        Assert.Equal(0m, Line(UsEast(), "CloudWatch dashboards").SampledCost);
        Assert.Equal(2 * 3.00m, Line(UsEast(new StackInventory(1, 12, 5, 4, 2)), "CloudWatch dashboards").SampledCost);
    }

    [Fact]
    public void Cloudwatch_custom_metrics_above_the_free_10()
    {
        Assert.Equal(15 * 0.30m, Line(UsEast(new StackInventory(1, 12, 1, 25, 2)), "CloudWatch custom metrics").SampledCost);
    }

    [Fact]
    public void Ssm_advanced_parameters_per_parameter_month()
    {
        Assert.Equal(2 * 0.05m, Line(UsEast(), "SSM Advanced parameters").SampledCost);
    }

    [Fact]
    public void In_us_east_1_every_line_is_priced_and_the_totals_add_them()
    {
        var report = UsEast();

        Assert.Empty(report.UnpricedLines);
        Assert.False(report.Partial);
        Assert.Equal(report.Lines.Sum(l => l.SampledCost!.Value), report.SampledTotal);
        Assert.Equal(report.Lines.Sum(l => l.KeepAllCost!.Value), report.KeepAllTotal);
        Assert.Equal(report.KeepAllTotal - report.SampledTotal, report.Saving);
    }

    [Fact]
    public void In_eu_west_1_the_lines_without_a_price_are_named_and_the_total_is_partial()
    {
        var report = CostModel.Compute(Examples.ProdCapacity(), Examples.ProdCostInputs("eu-west-1", "westeurope"));

        Assert.Equal(["NLB hours", "NLB capacity units", "Transaction Search span ingestion (aws/spans)", "SSM Advanced parameters"], report.UnpricedLines.Select(l => l.Item));
        Assert.True(report.Partial);
        var nlb = Line(report, "NLB capacity units");
        Assert.Null(nlb.SampledCost);
        Assert.Equal(17.28 * 730, nlb.SampledQuantity, 9);
        Assert.Equal(report.Lines.Where(l => l.IsPriced).Sum(l => l.SampledCost!.Value), report.SampledTotal);
    }

    [Fact]
    public void A_stack_in_an_unpriced_region_is_partial_and_does_not_throw()
    {
        var report = CostModel.Compute(Examples.ProdCapacity(), Examples.ProdCostInputs("ap-south-1", "centralindia"));

        Assert.All(report.Lines.Where(l => !l.NothingBilled), l => Assert.False(l.IsPriced));
        Assert.True(report.Partial);
        Assert.Equal(0m, report.SampledTotal);
        Assert.Null(report.PeakHourExtra);
    }
}
