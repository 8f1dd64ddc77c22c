using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Infra.Settings;

public static partial class Cidr
{
    public const string Anywhere = "0.0.0.0/0";

    [GeneratedRegex(@"^(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$")]
    public static partial Regex Pattern();

    /// <summary>
    /// True when every address of <paramref name="inner"/> lies in <paramref name="outer"/>: the inner
    /// prefix is at least as long and both agree on the outer prefix's bits. Host bits are ignored, as
    /// the network they name is what counts. Both must match <see cref="Pattern"/>.
    /// </summary>
    public static bool IsWithin(string inner, string outer)
    {
        var (innerAddress, innerPrefix) = Parse(inner);
        var (outerAddress, outerPrefix) = Parse(outer);
        var outerMask = outerPrefix == 0 ? 0u : uint.MaxValue << (32 - outerPrefix);
        return innerPrefix >= outerPrefix && ((innerAddress ^ outerAddress) & outerMask) == 0;
    }

    private static (uint Address, int Prefix) Parse(string cidr)
    {
        if (!Pattern().IsMatch(cidr))
        {
            throw new ArgumentException($"'{cidr}' is not an IPv4 CIDR.", nameof(cidr));
        }
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var address = BinaryPrimitives.ReadUInt32BigEndian(IPAddress.Parse(cidr[..slash]).GetAddressBytes());
        return (address, int.Parse(cidr[(slash + 1)..], CultureInfo.InvariantCulture));
    }
}
