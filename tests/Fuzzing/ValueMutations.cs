using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using Infra.Settings;

namespace Infra.Tests.Fuzzing;

/// <summary>A replacement value for one key, and whether the program must refuse it.</summary>
public sealed record ValueMutation(string Description, ConfigValue Value, bool MustRefuse);

/// <summary>Bad, odd and boundary values for a setting, derived from its entry in <see cref="SettingKeys"/>.</summary>
public static partial class ValueMutations
{
    private static readonly string[] OddTexts =
    [
        "", " ", "true", "yes", "null", "~", "1.5", "-1", "0", "abc",
        "2147483647", "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999",
        "1e400", "-1e400", "NaN", "Infinity", "-Infinity", "-0", "1e-320", "0x10", "1_000", "١٢٣", "１２",
        "ｅｕ-west-1", "eu‐west‐1", "zürich", "日本東部", "😀", "\u200beu-west-1", "\u202eeu-west-1",
        "a\nb", "line\r\nbreak", "tab\there", "nul\0byte", "bell\u0007", "nel\u0085x", "\u2028",
        "${aws:region}", "$${x}", "$$", "'", "\"", "#", ": ", "- x", "[", "{", "&a", "*a", "!tag", "%", "@", "`",
    ];

    private static readonly string[] NonAscii = ["é", "ü", "ß", "е", "ı", "日", "😀", "\u200b", "\u202e", "\u00a0", "\ufeff"];

    public static Gen<ValueMutation> For(Setting setting, ConfigValue? original, IReadOnlyList<ConfigValue> otherValues)
    {
        var originalText = original?.EngineText() ?? setting.DefaultText ?? "";
        var generators = new List<(int, IGen<ValueMutation>)>
        {
            (4, Boundaries(setting)),
            (3, Gen.OneOf(OddTexts).Select(text => Scalar(setting, "odd text", text))),
            (2, HugeText(setting)),
            (3, EditedText(setting, originalText)),
            (2, WrongShape(setting, original)),
        };
        if (otherValues.Count > 0)
        {
            generators.Add((1, Gen.OneOf(otherValues.ToArray()).Select(value => Shaped(setting, "another key's value", value))));
        }
        if (original is ConfigValue.List list)
        {
            generators.Add((4, ListEdits(setting, list)));
        }
        return Gen.Frequency(generators.ToArray());
    }

    /// <summary>Every number in the setting's documented range, and its neighbours: min-1, min, max, max+1 and the like.</summary>
    public static Gen<ValueMutation> Boundaries(Setting setting)
    {
        var numbers = NumberPattern().Matches(setting.Range).Select(m => decimal.Parse(m.Value, CultureInfo.InvariantCulture)).Distinct().ToList();
        if (numbers.Count == 0)
        {
            return Gen.OneOf("0", "-1", "1").Select(text => Scalar(setting, "number for a non-numeric key", text));
        }
        var interval = IntervalPattern().Match(setting.Range);
        var (min, max) = interval.Success
            ? (decimal.Parse(interval.Groups["min"].Value, CultureInfo.InvariantCulture), decimal.Parse(interval.Groups["max"].Value, CultureInfo.InvariantCulture))
            : (decimal.MinValue, decimal.MaxValue);
        return from number in Gen.OneOf(numbers.ToArray())
               from offset in Gen.OneOf(-1m, 0m, 1m, -0.5m, 0.5m, 0.001m)
               from form in Gen.OneOf("{0}", "{0}.0", " {0} ", "+{0}", "0{0}", "{0}e0")
               let value = number + offset
               let text = string.Format(CultureInfo.InvariantCulture, form, value)
               select Scalar(setting, $"boundary {number}{offset:+0.###;-0.###;+0}", text, mustRefuse: interval.Success && (value < min || value > max));
    }

    /// <summary>Several numeric keys at once at the ends of their ranges: overflow and cross-key rules need more than one extreme.</summary>
    public static Gen<IReadOnlyList<(string Key, ValueMutation Value)>> Extremes(IReadOnlyList<Setting> settings) =>
        from count in Gen.Int[2, 6]
        from picks in Gen.Int[0, settings.Count - 1].Array[count]
        from values in Sequence(picks.Distinct().Select(i => Boundaries(settings[i]).Select(v => (SettingKeys.Qualified(settings[i]), v))).ToList())
        select values;

    private static Gen<IReadOnlyList<T>> Sequence<T>(IReadOnlyList<Gen<T>> gens) =>
        gens.Aggregate(Gen.Const<IReadOnlyList<T>>([]), (all, next) => from list in all from item in next select (IReadOnlyList<T>)[.. list, item]);

    private static Gen<ValueMutation> HugeText(Setting setting) =>
        from length in Gen.OneOf(1_000, 65_536, 1_000_000)
        from fill in Gen.OneOf("a", "9", "é", "😀", "10.0.0.0/8,")
        select Scalar(setting, $"huge text ({length} x '{fill}')", string.Concat(Enumerable.Repeat(fill, length / fill.Length)));

    /// <summary>The original text with a character inserted, replaced, removed, or whitespace around it.</summary>
    private static Gen<ValueMutation> EditedText(Setting setting, string text) =>
        from kind in Gen.Int[0, 5]
        from position in Gen.Int[0, text.Length]
        from odd in Gen.OneOf(NonAscii.Concat(["\n", "\t", " ", "\0", "x", "0", "-"]).ToArray())
        let edited = kind switch
        {
            0 => text.Insert(position, odd),
            1 when position < text.Length => text.Remove(position, 1).Insert(position, odd),
            2 when position < text.Length => text.Remove(position, 1),
            3 => text + odd,
            4 => odd + text,
            _ => text.ToUpperInvariant(),
        }
        select Scalar(setting, $"edited original ({kind})", edited);

    /// <summary>A list where text belongs, text where a list belongs, a mapping, an empty list.</summary>
    private static Gen<ValueMutation> WrongShape(Setting setting, ConfigValue? original) =>
        Gen.OneOf<ConfigValue>(
            new ConfigValue.List([]),
            new ConfigValue.Map([]),
            new ConfigValue.List([new ConfigValue.Text(original?.EngineText() ?? "x")]),
            new ConfigValue.Map([("value", new ConfigValue.Text(original?.EngineText() ?? "x"))]),
            new ConfigValue.List([new ConfigValue.Bare("1"), new ConfigValue.Bare("true"), new ConfigValue.Bare("~")]),
            original is ConfigValue.List { Items.Count: > 0 } list ? list.Items[0] : new ConfigValue.Text("x"))
        .Select(value => Shaped(setting, "wrong shape", value));

    /// <summary>A list with an item dropped, doubled, retyped or nested, or an item's field changed.</summary>
    private static Gen<ValueMutation> ListEdits(Setting setting, ConfigValue.List list) =>
        from kind in Gen.Int[0, 6]
        from index in Gen.Int[0, list.Items.Count - 1]
        from odd in Gen.OneOf(OddTexts)
        let items = list.Items.ToList()
        let edited = Edit(items, kind, index, odd)
        select new ValueMutation($"list edit ({kind}) at {index}", new ConfigValue.List(edited), MustRefuse: kind == 3);

    private static List<ConfigValue> Edit(List<ConfigValue> items, int kind, int index, string odd)
    {
        switch (kind)
        {
            case 0:
                items.RemoveAt(index);
                break;
            case 1:
                items.Insert(index, items[index]);
                break;
            case 2:
                // Unquoted, so only text a YAML flow list reads as one plain scalar.
                items[index] = new ConfigValue.Bare(PlainScalar().IsMatch(odd) ? odd : "1");
                break;
            case 3:
                items[index] = new ConfigValue.List([items[index]]);
                break;
            case 4 when items[index] is ConfigValue.Map map:
                items[index] = new ConfigValue.Map(map.Entries.Select((e, i) => i == 0 ? (e.Key, (ConfigValue)new ConfigValue.Text(odd)) : e).ToList());
                break;
            case 5 when items[index] is ConfigValue.Map map:
                items[index] = new ConfigValue.Map(map.Entries.Skip(1).Append(("extra", new ConfigValue.Text(odd))).ToList());
                break;
            default:
                items[index] = new ConfigValue.Text(odd);
                break;
        }
        return items;
    }

    private static ValueMutation Scalar(Setting setting, string description, string text, bool mustRefuse = false) =>
        new(description, new ConfigValue.Text(text), mustRefuse || (text.Length == 0 && setting.DefaultText is null));

    /// <summary>A list for a text key, or text (not JSON list text) for a list key, must be refused.</summary>
    private static ValueMutation Shaped(Setting setting, string description, ConfigValue value)
    {
        var mustRefuse = TakesList(setting)
            ? value is ConfigValue.Map || (value is ConfigValue.Text or ConfigValue.Bare && !value.EngineText().TrimStart().StartsWith('['))
            : value is ConfigValue.List or ConfigValue.Map;
        return new ValueMutation(description, value, mustRefuse);
    }

    /// <summary>Whether a key takes a list is its declared type (<c>Setting&lt;IReadOnlyList&lt;T&gt;&gt;</c>), not what one stack file sets.</summary>
    public static bool TakesList(Setting setting) =>
        setting.GetType().GetGenericArguments() is [{ IsGenericType: true } valueType]
        && valueType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._/+-]*$")]
    private static partial Regex PlainScalar();

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(?<min>-?\d+)\.\.(?<max>-?\d+)")]
    private static partial Regex IntervalPattern();
}
