namespace Infra.Stacks.Packaging;

/// <summary>One piece of a Pulumi YAML string: raw literal text (escapes kept) or the inside of a <c>${...}</c>.</summary>
internal sealed record TextSegment(string? Raw, string? Reference)
{
    /// <summary>The resource (or config key, or template input) a reference starts at.</summary>
    public string? Root => Reference?.Split('.', '[')[0];
}

/// <summary>
/// Splits strings as pulumi-yaml's parseInterpolate does (<c>$$</c> is a literal <c>$</c>, <c>${</c> opens a
/// reference up to the next <c>}</c>), keeping literal text raw so pieces can be put back byte for byte.
/// </summary>
internal static class TemplateText
{
    public static IReadOnlyList<TextSegment> Split(string value)
    {
        var segments = new List<TextSegment>();
        var start = 0;
        var i = 0;
        while (i < value.Length)
        {
            if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '$')
            {
                i += 2;
            }
            else if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '{')
            {
                var close = value.IndexOf('}', i + 2);
                if (close < 0)
                {
                    throw new InvalidOperationException($"'{value}': '${{' is never closed.");
                }
                if (i > start)
                {
                    segments.Add(new TextSegment(value[start..i], null));
                }
                segments.Add(new TextSegment(null, value[(i + 2)..close]));
                i = close + 1;
                start = i;
            }
            else
            {
                i++;
            }
        }
        if (value.Length > start)
        {
            segments.Add(new TextSegment(value[start..], null));
        }
        return segments;
    }

    public static string Join(IEnumerable<TextSegment> segments) =>
        string.Concat(segments.Select(segment => segment.Raw ?? $"${{{segment.Reference}}}"));

    /// <summary>Every reference anywhere in a plain tree.</summary>
    public static IEnumerable<TextSegment> References(object? node) => node switch
    {
        string text => Split(text).Where(segment => segment.Reference is not null),
        IDictionary<string, object> map => map.Values.SelectMany(References),
        IEnumerable<object> list => list.SelectMany(References),
        _ => [],
    };

    /// <summary>Copies a plain tree, replacing each reference by what <paramref name="rewrite"/> makes of it.</summary>
    public static object RewriteReferences(object node, Func<string, string> rewrite) => node switch
    {
        string text => Join(Split(text).Select(segment => segment.Reference is null ? segment : segment with { Reference = rewrite(segment.Reference) })),
        IDictionary<string, object> map => Copy(map, value => RewriteReferences(value, rewrite)),
        IEnumerable<object> list => list.Select(item => RewriteReferences(item, rewrite)).ToList(),
        _ => node,
    };

    public static OrderedDictionary<string, object> Copy(IDictionary<string, object> map, Func<object, object> value)
    {
        var copy = new OrderedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, item) in map)
        {
            copy.Add(key, value(item));
        }
        return copy;
    }

    /// <summary><c>receiver-tier</c> and <c>Statement</c> as one identifier part: letters and digits, each word capitalised.</summary>
    public static string Pascal(string text) => Identifier(text, upperFirst: true);

    public static string Camel(string text) => Identifier(text, upperFirst: false);

    /// <summary>Words split at separators; other characters dropped; each word's first letter upper case (the first one's as asked).</summary>
    private static string Identifier(string text, bool upperFirst)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var wordStart = true;
        foreach (var c in text)
        {
            if (c is '-' or '_' or '.' or '/' or ':' or ' ' or '$' or '{' or '}' or '[' or ']' or '*')
            {
                wordStart = true;
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[length] = !wordStart ? c : length == 0 && !upperFirst ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c);
                length++;
                wordStart = false;
            }
        }
        return new string(buffer[..length]);
    }
}
