using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Infra.Settings;

/// <summary>One documented stack config key: how to parse it, its default, the range it accepts.</summary>
public abstract class Setting
{
    protected Setting(string key, string? defaultText, string range, string description)
    {
        Key = key;
        DefaultText = defaultText;
        Range = range;
        Description = description;
    }

    /// <summary>The key without namespace; project keys are written <c>project:key</c> in stack files.</summary>
    public string Key { get; }

    /// <summary>Null when the key is required.</summary>
    public string? DefaultText { get; }

    public string Range { get; }

    public string Description { get; }
}

/// <summary>A setting whose text parses to <typeparamref name="T"/>; a parse failure returns the reason.</summary>
public sealed class Setting<T> : Setting
{
    private readonly Func<string, (T? Value, string? Error)> _parse;

    public Setting(string key, string? defaultText, string range, string description, Func<string, (T? Value, string? Error)> parse)
        : base(key, defaultText, range, description) => _parse = parse;

    public (T? Value, string? Error) Parse(string text) => _parse(text);
}

/// <summary>Parsers for the kinds of values the stack config holds.</summary>
public static class Parsers
{
    public static Func<string, (int, string?)> Int(int min, int max) => text =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value >= min && value <= max ? (value, null) : (0, "is out of range")
            : (0, "is not a whole number");

    /// <summary>Empty text means "not set" (null); otherwise a whole number in range.</summary>
    public static Func<string, (int?, string?)> OptionalInt(int min, int max) => text =>
    {
        if (text.Length == 0)
        {
            return (null, null);
        }
        var (value, error) = Int(min, max)(text);
        return error is null ? (value, null) : (null, error);
    };

    public static Func<string, (int, string?)> OneOf(IReadOnlyList<int> allowed) => text =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && allowed.Contains(value)
            ? (value, null)
            : (0, "is not one of the allowed values");

    /// <summary>A number in the half-open range (min, max].</summary>
    public static Func<string, (double, string?)> DoubleAboveUpTo(double min, double max) => text =>
        TryParseNumber(text, out var value)
            ? value > min && value <= max ? (value, null) : (0, "is out of range")
            : (0, "is not a number");

    /// <summary>A number in the closed range [min, max].</summary>
    public static Func<string, (double, string?)> DoubleBetween(double min, double max) => text =>
        TryParseNumber(text, out var value)
            ? value >= min && value <= max ? (value, null) : (0, "is out of range")
            : (0, "is not a number");

    /// <summary>A finite number; "-0" reads as 0, since -0.0 passes "&gt;= 0" but counts as negative for double.IsNegative.</summary>
    private static bool TryParseNumber(string text, out double value)
    {
        var parsed = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
        value = value == 0 ? 0 : value;
        return parsed;
    }

    public static (bool, string?) Bool(string text) => text.ToLowerInvariant() switch
    {
        "true" => (true, null),
        "false" => (false, null),
        _ => (false, "is not a boolean"),
    };

    public static Func<string, (string?, string?)> Matching(Regex pattern, string formatName) => text =>
        IsWholeMatch(pattern, text) ? (text, null) : (null, $"is not {formatName}");

    /// <summary>
    /// The pattern matches all of the text. Needed because in .NET <c>$</c> also matches before a final
    /// newline, so <c>^eu-west-1$</c> alone would accept "eu-west-1\n" (a YAML <c>|</c> block gives that).
    /// </summary>
    public static bool IsWholeMatch(Regex pattern, string text) =>
        pattern.Match(text) is { Success: true } match && match.Index == 0 && match.Length == text.Length;

    public static Func<string, (string?, string?)> OneOfText(params string[] allowed) => text =>
        allowed.Contains(text, StringComparer.Ordinal) ? (text, null) : (null, "is not one of the allowed values");

    /// <summary>An IPv4 CIDR that names a network (no host bits set), as the AWS provider requires.</summary>
    public static Func<string, (string?, string?)> NetworkCidr(string formatName) => text =>
        !IsWholeMatch(Cidr.Pattern(), text) ? (null, $"is not {formatName}")
        : Cidr.NetworkError(text) is { } error ? (null, error)
        : (text, null);

    /// <summary>A list item that is an IPv4 CIDR naming a network.</summary>
    public static Func<JsonElement, (string?, string?)> NetworkCidrItem(string formatName) => element =>
        element.ValueKind == JsonValueKind.String && IsWholeMatch(Cidr.Pattern(), element.GetString()!)
            ? Cidr.NetworkError(element.GetString()!) is { } error ? ("", $"{error} ({UserError.Show(element.GetRawText())})") : (element.GetString(), null)
            : ("", $"is not {formatName}: {UserError.Show(element.GetRawText())}");

    /// <summary>One of an enum's member names, exactly as written (ordinal): the names are the provider's values.</summary>
    public static Func<string, (T, string?)> OneOfEnum<T>() where T : struct, Enum => text =>
        Enum.GetNames<T>().Contains(text, StringComparer.Ordinal) ? (Enum.Parse<T>(text), null) : (default, "is not one of the allowed values");

    /// <summary>A JSON (or stack-file YAML) list whose items each parse with <paramref name="item"/>.</summary>
    public static Func<string, (IReadOnlyList<T>?, string?)> ListOf<T>(Func<JsonElement, (T?, string?)> item, int minCount) => text =>
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            return (null, "is not a list");
        }
        if (root.ValueKind != JsonValueKind.Array)
        {
            return (null, "is not a list");
        }
        var items = new List<T>();
        foreach (var element in root.EnumerateArray())
        {
            var (value, error) = ParseItem(item, element);
            if (error is not null)
            {
                return (null, $"has an item that {error}");
            }
            items.Add(value!);
        }
        return items.Count < minCount ? (null, $"has {items.Count} item(s): at least {minCount} required") : (items, null);
    };

    /// <summary>JSON may escape half a surrogate pair ("\ud800"), which parses but is no text: reading it throws.</summary>
    private static (T?, string?) ParseItem<T>(Func<JsonElement, (T?, string?)> item, JsonElement element)
    {
        try
        {
            return item(element);
        }
        catch (InvalidOperationException)
        {
            return (default, $"is not valid Unicode text: {UserError.Show(element.GetRawText())}");
        }
    }

    /// <summary>A GUID in its usual 8-4-4-4-12 form, returned lowercase.</summary>
    public static (string?, string?) GuidItem(JsonElement element) =>
        element.ValueKind == JsonValueKind.String && Guid.TryParseExact(element.GetString(), "D", out var guid)
            ? (guid.ToString("D"), null)
            : (null, $"is not an Entra object id (a GUID such as 00000000-0000-0000-0000-000000000000): {UserError.Show(element.GetRawText())}");

    public static Func<JsonElement, (string?, string?)> TextItem(Regex pattern, string formatName) => element =>
        element.ValueKind == JsonValueKind.String && IsWholeMatch(pattern, element.GetString()!)
            ? (element.GetString(), null)
            : ($"", $"is not {formatName}: {UserError.Show(element.GetRawText())}");
}
