using System.Net;
using System.Text.RegularExpressions;

namespace Infra.Settings;

public static partial class Cidr
{
    public const string Anywhere = "0.0.0.0/0";

    [GeneratedRegex(@"^(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$")]
    public static partial Regex Pattern();

    /// <summary>True when every address of <paramref name="inner"/> lies in <paramref name="outer"/>.</summary>
    public static bool Contains(string outer, string inner)
    {
        var (outerNetwork, outerBits) = Parse(outer);
        var (innerNetwork, innerBits) = Parse(inner);
        if (innerBits < outerBits)
        {
            return false;
        }
        var mask = outerBits == 0 ? 0u : uint.MaxValue << (32 - outerBits);
        return (outerNetwork & mask) == (innerNetwork & mask);
    }

    private static (uint Network, int Bits) Parse(string cidr)
    {
        var parts = cidr.Split('/');
        var bytes = IPAddress.Parse(parts[0]).GetAddressBytes();
        return (((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
