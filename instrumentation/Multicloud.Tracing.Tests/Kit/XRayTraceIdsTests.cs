using System.Globalization;

namespace Multicloud.Tracing.Tests.Kit;

public sealed class XRayTraceIdsTests
{
    [Fact]
    public void The_first_8_hex_digits_are_the_unix_seconds_and_the_other_24_are_random()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_790_000_000);
        var first = XRayTraceIds.Create(now).ToHexString();
        var second = XRayTraceIds.Create(now).ToHexString();

        Assert.Equal(1_790_000_000.ToString("x8", CultureInfo.InvariantCulture), first[..8]);
        Assert.Equal(first[..8], second[..8]);
        Assert.NotEqual(first[8..], second[8..]);
        Assert.Equal(32, first.Length);
    }

    [Fact]
    public void Without_a_time_given_it_uses_now()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var seconds = long.Parse(XRayTraceIds.Create().ToHexString()[..8], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

        Assert.InRange(seconds, before, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }
}
