using CsCheck;
using Infra.Settings;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Fuzzing;

/// <summary>Mutations of a valid stack file: values, keys, YAML features (anchors, tags, nesting, secure:) and truncation.</summary>
public static class StackFileMutations
{
    private sealed record Mutation(string Description, StackFileDocument Document, IReadOnlyList<string> Blamed, bool MustRefuse, bool SyntaxErrorAllowed);

    public static Gen<FuzzCase> Cases(string stackFileText)
    {
        var document = StackFileDocument.Parse(stackFileText);
        var originals = Originals(stackFileText);
        var keys = SettingKeys.All.Select(SettingKeys.Qualified).Union(document.Keys).Distinct().ToArray();
        var settings = SettingKeys.All.ToDictionary(SettingKeys.Qualified);

        var mutation = Gen.Frequency(
            (8, ReplaceValue(document, keys, settings, originals)),
            (3, Extremes(document)),
            (2, RemoveKey(document)),
            (2, DuplicateKey(document, originals)),
            (2, UnknownKey(document, keys)),
            (1, NonScalarKey(document)),
            (2, Secure(document, keys)),
            (2, AnchorAndAlias(document, originals)),
            (2, Nesting(document, keys)),
            (1, Tagged(document, keys)),
            (1, WholeFile(document)));

        return from m in mutation
               from truncate in Gen.Int[0, 9]
               from cut in Gen.Int[0, 1_000_000]
               select truncate == 0 ? Truncated(m, cut) : new FuzzCase(m.Description, m.Document.Render(), m.Blamed, m.MustRefuse, m.SyntaxErrorAllowed);
    }

    /// <summary>The config values of the valid file, as the fuzzer's value model.</summary>
    public static IReadOnlyDictionary<string, ConfigValue> Originals(string stackFileText)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(stackFileText));
        var config = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("config")];
        return config.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ConfigValue.FromYaml(e.Value));
    }

    private static Gen<Mutation> ReplaceValue(StackFileDocument document, string[] keys, IReadOnlyDictionary<string, Setting> settings, IReadOnlyDictionary<string, ConfigValue> originals) =>
        from key in Gen.OneOf(keys.Where(settings.ContainsKey).ToArray())
        from value in ValueMutations.For(settings[key], originals.GetValueOrDefault(key), originals.Where(e => e.Key != key).Select(e => e.Value).ToList())
        from style in Gen.Int[0, 5]
        let fragment = Fragment(value.Value, style)
        select new Mutation($"{key}: {value.Description}, style {style}", document.With(key, fragment.Text), [key], value.MustRefuse, fragment.MaySyntaxError);

    private static Gen<Mutation> Extremes(StackFileDocument document) =>
        ValueMutations.Extremes(NumericSettings()).Select(changes => new Mutation(
            "extremes " + string.Join(", ", changes.Select(c => $"{c.Key}={c.Value.Value.EngineText()}")),
            changes.Aggregate(document, (d, c) => d.With(c.Key, " " + ConfigValue.Quoted(c.Value.Value.EngineText()))),
            changes.Select(c => c.Key).ToList(), false, false));

    /// <summary>Settings whose documented range holds numbers.</summary>
    public static IReadOnlyList<Setting> NumericSettings() =>
        SettingKeys.All.Where(s => s.Range.Any(char.IsDigit) && s.GetType().GetGenericArguments() is [var t]
            && (Nullable.GetUnderlyingType(t) ?? t) is var type && (type == typeof(int) || type == typeof(double) || type == typeof(long))).ToList();

    /// <summary>The YAML text after "key:" for a value, in one of several styles; raw control characters may make it invalid YAML.</summary>
    private static (string Text, bool MaySyntaxError) Fragment(ConfigValue value, int style)
    {
        if (value is not ConfigValue.Text { Value: var text })
        {
            return (style % 2 == 0 ? " " + value.Flow() : value.Block(4), false);
        }
        // Plain, quoted and block forms hold text without control characters or YAML's line breaks (NEL, LS, PS).
        var printable = text.Length > 0 && text.All(c => !char.IsControl(c) && c is not ('\u2028' or '\u2029') && !char.IsSurrogate(c)) && text.Trim() == text;
        return style switch
        {
            1 when printable => ($" '{text.Replace("'", "''")}'", false),
            2 when printable && !text.StartsWith('#') => ($" |-\n    {text}", false),
            3 when printable && !text.StartsWith('#') => ($" |\n    {text}", false),
            4 => ($" {text}", true),
            _ => (" " + ConfigValue.Quoted(text), false),
        };
    }

    private static Gen<Mutation> RemoveKey(StackFileDocument document) =>
        Gen.OneOf(document.Keys.ToArray()).Select(key =>
            new Mutation($"remove {key}", document.Without(key), [key], SettingKeys.All.Any(s => SettingKeys.Qualified(s) == key && s.DefaultText is null), false));

    /// <summary>The same key twice, written the same way or as a quoted or tagged variant of the same text.</summary>
    private static Gen<Mutation> DuplicateKey(StackFileDocument document, IReadOnlyDictionary<string, ConfigValue> originals) =>
        from key in Gen.OneOf(document.Keys.ToArray())
        from spelling in Gen.OneOf("{0}", "\"{0}\"", "'{0}'", "!!str {0}")
        from same in Gen.Bool
        let value = same ? originals[key] : new ConfigValue.Text("other")
        select new Mutation($"duplicate {key} as {spelling}", document.Append(key, $"  {string.Format(spelling, key)}: {value.Flow()}\n"), [key], true, false);

    private static Gen<Mutation> UnknownKey(StackFileDocument document, string[] keys) =>
        from key in Gen.OneOf(keys.Where(k => k.StartsWith(SettingKeys.Project + ":", StringComparison.Ordinal)).ToArray())
        from kind in Gen.Int[0, 5]
        let name = kind switch
        {
            0 => key[..^1],
            1 => key.ToUpperInvariant().Replace(SettingKeys.Project.ToUpperInvariant(), SettingKeys.Project),
            2 => key + "é",
            3 => key + "\n" + "x",
            4 => SettingKeys.Project + ":",
            _ => SettingKeys.Project + ":bogus",
        }
        select new Mutation($"unknown key {ConfigValue.Quoted(name)}", document.Append(name, $"  {ConfigValue.Quoted(name)}: \"1\"\n"), [name], true, false);

    /// <summary>A list or mapping as a key: there is no key text to name, so the error names the line.</summary>
    private static Gen<Mutation> NonScalarKey(StackFileDocument document) =>
        Gen.OneOf("  [a, b]: x\n", "  {a: 1}: x\n", "  ? - a\n  : x\n", "  ? [otel-multicloud:numTraces]\n  : \"1000\"\n")
            .Select(text => new Mutation("non-scalar key", document.Append("?", text), [$"line {document.Render().Count(c => c == '\n') + 1}"], true, false));

    private static Gen<Mutation> Secure(StackFileDocument document, string[] keys) =>
        from key in Gen.OneOf(keys.Where(k => SettingKeys.All.Any(s => SettingKeys.Qualified(s) == k)).ToArray())
        from form in Gen.OneOf(" {secure: v1:c2VjcmV0}", "\n    secure: AAABAGZha2U=", " {secure: \"\"}", " {secure: [1]}", " {secure: x, other: y}")
        select new Mutation($"{key} as secure value {form.Trim()}", document.With(key, form), [key], true, false);

    /// <summary>Anchors and aliases: one key's value reused by another, undefined or self-referencing aliases, alias bombs.</summary>
    private static Gen<Mutation> AnchorAndAlias(StackFileDocument document, IReadOnlyDictionary<string, ConfigValue> originals) =>
        from source in Gen.OneOf(document.Keys.ToArray())
        from target in Gen.OneOf(document.Keys.ToArray())
        from kind in Gen.Int[0, 4]
        from levels in Gen.Int[1, 9]
        let anchorFirst = document.Keys.ToList().IndexOf(source) < document.Keys.ToList().IndexOf(target)
        select kind switch
        {
            // An alias must come after its anchor; before it (or replacing it) it is undefined.
            0 => new Mutation($"{target}: alias of {source}", document.Anchored(source, "shared").With(target, " *shared"), [source, target], !anchorFirst, !anchorFirst),
            1 => new Mutation($"{target}: undefined alias", document.With(target, " *nowhere"), [target], true, true),
            2 => new Mutation($"{target}: self-referencing alias", document.With(target, " &loop [*loop]"), [target], true, true),
            3 => new Mutation($"{target}: alias inside a redefinition of {source}'s anchor", document.Anchored(source, "again").With(target, " &again [*again]"), [target], true, true),
            _ => new Mutation($"{target}: alias bomb of {levels} levels", AliasBomb(document, target, levels), [target], levels >= 4, false),
        };

    /// <summary>Each level lists the previous one ten times: 10^levels items once expanded.</summary>
    private static StackFileDocument AliasBomb(StackFileDocument document, string target, int levels)
    {
        var fragment = " &l0 [\"10.0.0.0/8\", \"10.0.0.0/8\", \"10.0.0.0/8\", \"10.0.0.0/8\", \"10.0.0.0/8\", \"10.0.0.0/8\", \"10.0.0.0/8\", \"10.0.0.0/8\", \"10.0.0.0/8\", \"10.0.0.0/8\"]";
        for (var level = 1; level <= levels; level++)
        {
            fragment = $" &l{level} [{fragment.Trim()}, " + string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 9)) + "]";
        }
        return document.With(target, fragment);
    }

    private static Gen<Mutation> Nesting(StackFileDocument document, string[] keys) =>
        from key in Gen.OneOf(keys)
        from depth in Gen.OneOf(2, 63, 64, 65, 200, 3_000, 50_000)
        from mapping in Gen.Bool
        let fragment = mapping
            ? " " + string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth)
            : " " + new string('[', depth) + "\"10.0.0.0/8\"" + new string(']', depth)
        select new Mutation($"{key}: nested {depth} deep ({(mapping ? "mappings" : "lists")})", document.With(key, fragment), [key], true, false);

    private static Gen<Mutation> Tagged(StackFileDocument document, string[] keys) =>
        from key in Gen.OneOf(keys.Where(k => SettingKeys.All.Any(s => SettingKeys.Qualified(s) == k)).ToArray())
        from tag in Gen.OneOf("!!int \"5\"", "!!binary aGVsbG8=", "!custom x", "!!str 30", "!!float .nan", "!!null ~", "!<tag:x> 1", "!!set {a, b}")
        select new Mutation($"{key}: tagged {tag}", document.With(key, " " + tag), [key], false, false);

    /// <summary>Changes to the whole file: line endings, byte order mark, shape of the root and of config.</summary>
    private static Gen<Mutation> WholeFile(StackFileDocument document) =>
        Gen.Int[0, 7].Select(kind =>
        {
            var text = document.Render();
            var keys = document.Keys.ToList();
            return kind switch
            {
                0 => new Mutation("CRLF line endings", Raw(text.Replace("\n", "\r\n")), [], false, false),
                1 => new Mutation("byte order mark", Raw("\ufeff" + text), [], false, false),
                2 => new Mutation("tabs for indentation", Raw(text.Replace("\n  ", "\n\t")), keys, true, true),
                3 => new Mutation("config is null", Raw("config:\n"), ["config"], true, false),
                4 => new Mutation("config is a list", Raw("config:\n  - a\n"), ["config"], true, false),
                // Named as a file that is no stack file: a mapping with a config: section belongs there.
                5 => new Mutation("root is a list", Raw("- config\n"), ["config"], true, false),
                6 => new Mutation("empty file", Raw(""), keys, true, false),
                _ => new Mutation("second document", Raw(text + "---\nconfig: {}\n"), [], false, false),
            };
        });

    private static StackFileDocument Raw(string text) => new(text, []);

    /// <summary>The file cut short: it may still parse (and lose keys after the cut) or be a syntax error.</summary>
    private static FuzzCase Truncated(Mutation mutation, int cut)
    {
        var text = mutation.Document.Render();
        var at = text.Length == 0 ? 0 : cut % text.Length;
        // A file holds UTF-8: it cannot end in half a surrogate pair.
        at -= at > 0 && char.IsHighSurrogate(text[at - 1]) ? 1 : 0;
        var kept = text[..at];
        // Keys cut off take their defaults, and a rule across keys may then name one that was never cut
        // (a missing topology makes the task size too small): any key may be named, or the file's syntax.
        return new FuzzCase($"{mutation.Description}, truncated at {at}", kept, [.. mutation.Blamed, .. SettingKeys.All.Select(SettingKeys.Qualified), "config"], false, true);
    }
}
