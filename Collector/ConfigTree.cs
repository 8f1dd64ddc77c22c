using System.Globalization;
using System.Text.RegularExpressions;

namespace Infra.Collector;

/// <summary>Reading a parsed collector config: component ids, sections, lists, numbers and Go durations.</summary>
internal static partial class ConfigTree
{
    internal static string TypeOf(string id) => id.Split('/')[0];

    internal static Dictionary<string, object?> Section(Dictionary<string, object?> config, string kind) =>
        (config.GetValueOrDefault(kind) as Dictionary<string, object?> ?? []).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    internal static Dictionary<string, object?> Map(Dictionary<string, object?> node, string key) =>
        node.GetValueOrDefault(key) as Dictionary<string, object?> ?? [];

    internal static List<string> Strings(Dictionary<string, object?> node, string key) =>
        (node.GetValueOrDefault(key) as List<object?> ?? []).Select(item => Convert.ToString(item, CultureInfo.InvariantCulture) ?? "").ToList();

    internal static double? Number(object? value) => value switch
    {
        long whole => whole,
        double real => real,
        _ => null,
    };

    internal static string Format(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "(missing)";

    /// <summary>Go-style durations as the collector writes them: 500ms, 10s, 2m, 1h.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        var match = DurationPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }
        var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            _ => TimeSpan.FromHours(amount),
        };
    }

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@":([0-9]{1,5})$")]
    internal static partial Regex PortPattern();
}
