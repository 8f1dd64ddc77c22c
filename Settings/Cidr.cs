using System.Text.RegularExpressions;

namespace Infra.Settings;

public static partial class Cidr
{
    public const string Anywhere = "0.0.0.0/0";

    [GeneratedRegex(@"^(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}/(3[0-2]|[12]?[0-9])$")]
    public static partial Regex Pattern();
}
