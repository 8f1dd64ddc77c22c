using Infra.Settings;

namespace Infra.Tests.Settings;

public class CidrTests
{
    [Theory]
    [InlineData("10.20.0.0/16", "10.20.0.0/16", true)]
    [InlineData("10.20.5.0/24", "10.20.0.0/16", true)]
    [InlineData("10.20.255.255/32", "10.20.0.0/16", true)]
    [InlineData("10.20.0.1/16", "10.20.0.0/16", true)]
    [InlineData("10.21.0.0/32", "10.20.0.0/16", false)]
    [InlineData("10.41.0.0/16", "10.40.0.0/16", false)]
    [InlineData("10.0.0.0/8", "10.20.0.0/16", false)]
    [InlineData("0.0.0.0/0", "10.0.0.0/8", false)]
    [InlineData("203.0.113.7/32", "0.0.0.0/0", true)]
    [InlineData("10.20.128.0/17", "10.20.0.0/17", false)]
    [InlineData("10.20.127.0/24", "10.20.0.0/17", true)]
    public void A_cidr_is_within_another_when_all_its_addresses_are(string inner, string outer, bool within)
    {
        Assert.Equal(within, Cidr.IsWithin(inner, outer));
    }

    [Fact]
    public void Text_that_is_not_a_cidr_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => Cidr.IsWithin("10.0.0.0", "10.0.0.0/8"));
    }
}
