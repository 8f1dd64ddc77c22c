using Infra.Cost;

namespace Infra.Tests.Cost;

public class PriceTableTests
{
    [Fact]
    public void Every_price_names_its_source_address_and_the_date_it_was_read()
    {
        Assert.All(PriceTable.All, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Source), $"{p.Item} {p.Region} has no source");
            Assert.True(p.Source.Contains("https://", StringComparison.Ordinal) || p.Source.Contains("github.com/", StringComparison.Ordinal),
                $"{p.Item} {p.Region}: the source names no address: {p.Source}");
            Assert.True(p.Read >= new DateOnly(2026, 1, 1) && p.Read <= new DateOnly(2026, 12, 7), $"{p.Item} {p.Region} has no read date");
            Assert.True(p.UnitPrice > 0, $"{p.Item} {p.Region} has no price");
        });
    }

    [Fact]
    public void No_price_is_listed_twice_for_the_same_region_and_architecture()
    {
        var duplicates = PriceTable.All.GroupBy(p => (p.Item, p.Region, p.Architecture)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Fargate_prices_differ_by_architecture_and_arm_is_cheaper()
    {
        foreach (var region in new[] { "us-east-1", "eu-west-1" })
        {
            var x86 = PriceTable.Find(PriceItem.FargateVcpuHour, region, CpuArchitecture.X86_64)!;
            var arm = PriceTable.Find(PriceItem.FargateVcpuHour, region, CpuArchitecture.ARM64)!;
            Assert.True(arm.UnitPrice < x86.UnitPrice, region);
        }
    }

    [Theory]
    [InlineData(PriceItem.TransactionSearchSpanGbIngested, "us-east-1", true)]
    [InlineData(PriceItem.TransactionSearchSpanGbIngested, "eu-west-1", false)]
    [InlineData(PriceItem.TransactionSearchSpanIndexed, "us-east-1", false)]
    [InlineData(PriceItem.XRayTraceRecorded, "eu-west-1", true)]
    [InlineData(PriceItem.LogAnalyticsGbIngested, "westeurope", true)]
    [InlineData(PriceItem.LogAnalyticsGbIngested, "eastus", true)]
    [InlineData(PriceItem.DataTransferInterAzGb, "eu-west-1", true)]
    [InlineData(PriceItem.DataTransferOutGb, "eu-west-1", true)]
    [InlineData(PriceItem.NatGatewayGbProcessed, "eu-west-1", true)]
    [InlineData(PriceItem.CloudWatchCustomMetricMonth, "eu-west-1", true)]
    [InlineData(PriceItem.NlbHour, "eu-west-1", false)]
    [InlineData(PriceItem.SsmAdvancedParameterMonth, "eu-west-1", false)]
    public void The_regions_the_stacks_use_are_priced_where_a_source_was_found_and_only_there(PriceItem item, string region, bool priced)
    {
        Assert.Equal(priced, PriceTable.Find(item, region, CpuArchitecture.ARM64) is not null);
    }

    [Fact]
    public void An_unknown_region_has_no_price()
    {
        Assert.Null(PriceTable.Find(PriceItem.FargateVcpuHour, "ap-south-1", CpuArchitecture.X86_64));
    }
}
