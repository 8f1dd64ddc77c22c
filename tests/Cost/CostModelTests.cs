using Infra.Capacity;
using Infra.Cost;
using Infra.Settings.Topology;
using Infra.Tests.Capacity;

namespace Infra.Tests.Cost;

/// <summary>One hand-computed case per line item, for the prod-like stack (1000 traces/s x 8 spans x 600 bytes, 7.85% kept).</summary>
public class CostModelTests
{
    private static CostReport UsEast(StackInventory? inventory = null, LoadBalancerTraffic? loadBalancer = null, CpuArchitecture architecture = CpuArchitecture.X86_64)
    {
        var inputs = Examples.ProdCostInputs("us-east-1", "eastus", architecture);
        return CostModel.Compute(Examples.ProdCapacity(), inputs with
        {
            Inventory = inventory ?? inputs.Inventory,
            LoadBalancer = loadBalancer ?? inputs.LoadBalancer,
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
    public void The_single_topology_prices_one_collector_task()
    {
        var capacity = CapacityModel.Compute(Examples.ProdTraffic(), Examples.ProdSampling(), CollectorTopology.Single(1024, 2048));
        var report = CostModel.Compute(capacity, Examples.ProdCostInputs("us-east-1", "eastus", CpuArchitecture.X86_64));

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
    public void Xray_bills_kept_traces_above_the_free_100000()
    {
        var line = Line(UsEast(), "X-Ray traces recorded");

        Assert.Equal(1000 * 0.0785 * 2_628_000, line.SampledQuantity, 3);
        Assert.Equal(1000 * 2_628_000.0, line.KeepAllQuantity, 3);
        Assert.Equal(1030.99m, Math.Round(line.SampledCost!.Value, 2));
        Assert.Equal(13_139.50m, Math.Round(line.KeepAllCost!.Value, 2));
        Assert.Equal(12_108.51m, Math.Round(line.Saving!.Value, 2));
    }

    [Fact]
    public void Log_analytics_bills_kept_gigabytes_above_the_free_5()
    {
        // 8,000 spans/s x 600 bytes x 7.85% x 2,628,000 s = 990.2304 GB; keep all 12,614.4 GB.
        var line = Line(UsEast(), "App Insights / Log Analytics ingestion");

        Assert.Equal("eastus", line.Region);
        Assert.Equal(990.2304, line.SampledQuantity, 6);
        Assert.Equal(12_614.4, line.KeepAllQuantity, 6);
        Assert.Equal(2266.03m, Math.Round(line.SampledCost!.Value, 2));
        Assert.Equal(29_001.62m, Math.Round(line.KeepAllCost!.Value, 2));
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
    public void Totals_add_the_priced_lines_and_the_saving_is_their_difference()
    {
        var report = UsEast();

        Assert.Empty(report.UnpricedLines);
        Assert.Equal(report.Lines.Sum(l => l.SampledCost!.Value), report.SampledTotal);
        Assert.Equal(report.Lines.Sum(l => l.KeepAllCost!.Value), report.KeepAllTotal);
        Assert.Equal(report.KeepAllTotal - report.SampledTotal, report.Saving);
    }

    [Fact]
    public void A_region_without_prices_is_reported_not_priced_and_left_out_of_the_total()
    {
        var report = CostModel.Compute(Examples.ProdCapacity(), Examples.ProdCostInputs("eu-west-1", "westeurope"));

        Assert.Equal(
            ["NLB hours", "NLB capacity units", "App Insights / Log Analytics ingestion", "CloudWatch alarms", "CloudWatch dashboards", "CloudWatch custom metrics", "SSM Advanced parameters"],
            report.UnpricedLines.Select(l => l.Item));
        var nlb = Line(report, "NLB capacity units");
        Assert.Null(nlb.SampledCost);
        Assert.Equal(17.28 * 730, nlb.SampledQuantity, 9);
        Assert.Equal(report.Lines.Where(l => l.IsPriced).Sum(l => l.SampledCost!.Value), report.SampledTotal);
    }

    [Fact]
    public void A_region_missing_from_the_table_prices_nothing_and_does_not_throw()
    {
        var report = CostModel.Compute(Examples.ProdCapacity(), Examples.ProdCostInputs("ap-south-1", "centralindia"));

        Assert.All(report.Lines, l => Assert.False(l.IsPriced));
        Assert.Equal(0m, report.SampledTotal);
        Assert.Equal(0m, report.Saving);
    }
}
