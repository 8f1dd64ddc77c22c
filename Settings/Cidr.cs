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

    /// <summary>An IPv4 address, or a CIDR (the Key Vault firewall takes both).</summary>
    [GeneratedRegex(@"^(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}(/(3[0-2]|[12]?[0-9]))?$")]
    public static partial Regex AddressOrCidrPattern();

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

    /// <summary>
    /// The network a CIDR names, host bits cleared: 10.20.5.7/16 is 10.20.0.0/16. The AWS provider refuses a CIDR
    /// with host bits set in security group rules (terraform-provider-aws: cidr_ipv4 is validated with
    /// fwvalidators.IPv4CIDRNetworkAddress), so the synth refuses it first and names this address.
    /// </summary>
    public static string NetworkOf(string cidr)
    {
        var (address, prefix) = Parse(cidr);
        var network = address & (prefix == 0 ? 0u : uint.MaxValue << (32 - prefix));
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, network);
        return $"{new IPAddress(bytes)}/{prefix}";
    }

    /// <summary>A CIDR pattern match whose host bits are clear; the reason names the network address to use.</summary>
    public static string? NetworkError(string cidr) =>
        NetworkOf(cidr) is var network && network != cidr ? $"has host bits set: use the network address {network}" : null;

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
