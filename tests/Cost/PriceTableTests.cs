using Infra.Cost;

namespace Infra.Tests.Cost;

public class PriceTableTests
{
    [Fact]
    public void Every_price_names_its_source_and_the_date_it_was_read()
    {
        Assert.All(PriceTable.All, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Source));
            Assert.True(p.Read >= new DateOnly(2026, 1, 1), $"{p.Item} {p.Region} has no read date");
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

    [Fact]
    public void An_unknown_region_has_no_price()
    {
        Assert.Null(PriceTable.Find(PriceItem.FargateVcpuHour, "ap-south-1", CpuArchitecture.X86_64));
    }
}
