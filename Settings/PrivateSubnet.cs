using System.Text.Json;
using System.Text.RegularExpressions;

namespace Infra.Settings;

/// <summary>A private subnet the stack names, with its AZ so the spread across zones can be checked offline.</summary>
public sealed partial record PrivateSubnet(string Id, string AvailabilityZone)
{
    public static (PrivateSubnet?, string?) Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
            || !element.TryGetProperty("availabilityZone", out var zone) || zone.ValueKind != JsonValueKind.String)
        {
            return (null, $"is not an object with id and availabilityZone: {UserError.Show(element.GetRawText())}");
        }
        if (!Parsers.IsWholeMatch(SubnetIdPattern(), id.GetString()!))
        {
            return (null, $"has id '{UserError.Show(id.GetString()!)}', which is not a subnet id such as subnet-0123456789abcdef0");
        }
        if (!Parsers.IsWholeMatch(ZonePattern(), zone.GetString()!))
        {
            return (null, $"has availabilityZone '{UserError.Show(zone.GetString()!)}', which is not a zone name such as eu-west-1a");
        }
        return (new PrivateSubnet(id.GetString()!, zone.GetString()!), null);
    }

    [GeneratedRegex("^subnet-[0-9a-f]{8,17}$")]
    private static partial Regex SubnetIdPattern();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9][a-z]$")]
    private static partial Regex ZonePattern();
}
