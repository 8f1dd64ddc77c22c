using System.Text.RegularExpressions;

namespace Infra.Tests.Fuzzing;

/// <summary>
/// A stack file's text cut into its header and one chunk per config key (the key's line, its value's
/// lines and any comments after it), so mutations change one key and leave the rest byte for byte.
/// </summary>
public sealed partial record StackFileDocument(string Header, IReadOnlyList<StackFileDocument.Entry> Entries)
{
    public sealed record Entry(string Key, string Text);

    public static StackFileDocument Parse(string text)
    {
        var lines = text.Split('\n').Select(l => l + "\n").ToList();
        lines[^1] = lines[^1][..^1];
        var configLine = lines.FindIndex(l => l.TrimEnd() == "config:");
        if (configLine < 0)
        {
            throw new InvalidOperationException("The stack file has no 'config:' line at the start of a line.");
        }
        var header = string.Concat(lines.Take(configLine + 1));
        var entries = new List<Entry>();
        foreach (var line in lines.Skip(configLine + 1))
        {
            var key = KeyLine().Match(line);
            if (key.Success)
            {
                entries.Add(new Entry(key.Groups["key"].Value, line));
            }
            else if (entries.Count > 0)
            {
                entries[^1] = entries[^1] with { Text = entries[^1].Text + line };
            }
            else
            {
                header += line;
            }
        }
        return new StackFileDocument(header, entries);
    }

    public string Render() => Header + string.Concat(Entries.Select(e => e.Text));

    public IReadOnlyList<string> Keys => Entries.Select(e => e.Key).ToList();

    /// <summary>Sets the key's value to a YAML fragment (the text after "key:"), adding the key when absent.</summary>
    public StackFileDocument With(string key, string fragment)
    {
        var text = $"  {key}:{fragment}\n";
        var index = Entries.ToList().FindIndex(e => e.Key == key);
        var entries = Entries.ToList();
        if (index < 0)
        {
            entries.Add(new Entry(key, text));
        }
        else
        {
            entries[index] = new Entry(key, text);
        }
        return this with { Entries = entries };
    }

    public StackFileDocument Without(string key) => this with { Entries = Entries.Where(e => e.Key != key).ToList() };

    /// <summary>Appends a raw chunk (any text, such as a second entry for a key already set).</summary>
    public StackFileDocument Append(string key, string text) => this with { Entries = [.. Entries, new Entry(key, text)] };

    /// <summary>Puts an anchor on the key's value: "key: &amp;name value".</summary>
    public StackFileDocument Anchored(string key, string anchor) => this with
    {
        Entries = Entries.Select(e => e.Key == key ? e with { Text = KeyLine().Replace(e.Text, m => $"{m.Value.TrimEnd()} &{anchor}{(m.Value.EndsWith('\n') ? "\n" : " ")}", 1) } : e).ToList(),
    };

    [GeneratedRegex(@"^  (?<key>[^\s#:][^\s:]*:[^\s:]+):(?: |\n|$)")]
    private static partial Regex KeyLine();
}
