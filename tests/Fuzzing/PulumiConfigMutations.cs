using CsCheck;
using Infra.Settings;

namespace Infra.Tests.Fuzzing;

/// <summary>
/// Mutations of a valid PULUMI_CONFIG (a JSON object of "namespace:key" to string; lists and mappings as
/// JSON text): values, raw JSON where the engine sends strings, duplicate, unknown and missing keys, truncation.
/// </summary>
public static class PulumiConfigMutations
{
    /// <summary>One JSON member: its key and the value's JSON text.</summary>
    private sealed record Member(string Key, string Json);

    private sealed record Mutation(string Description, IReadOnlyList<Member> Members, IReadOnlyList<string> Blamed, bool MustRefuse, bool SyntaxErrorAllowed, string? RawJson = null);

    public static Gen<FuzzCase> Cases(IReadOnlyDictionary<string, ConfigValue> originals)
    {
        var members = originals.Select(e => new Member(e.Key, ConfigValue.Quoted(e.Value.EngineText()))).ToList();
        var settings = SettingKeys.All.ToDictionary(SettingKeys.Qualified);
        var keys = settings.Keys.Union(originals.Keys).ToArray();

        var mutation = Gen.Frequency(
            (8, ReplaceValue(members, keys, settings, originals)),
            (3, ValueMutations.Extremes(StackFileMutations.NumericSettings()).Select(changes => new Mutation(
                "extremes " + string.Join(", ", changes.Select(c => $"{c.Key}={c.Value.Value.EngineText()}")),
                changes.Aggregate(members, (all, c) => With(all, c.Key, ConfigValue.Quoted(c.Value.Value.EngineText()))),
                changes.Select(c => c.Key).ToList(), false, false))),
            (2, RawValue(members, keys, settings, originals)),
            (2, Gen.OneOf(originals.Keys.ToArray()).Select(key =>
                new Mutation($"remove {key}", members.Where(m => m.Key != key).ToList(), [key], settings.TryGetValue(key, out var s) && s.DefaultText is null, false))),
            (2, from member in Gen.OneOf(members.ToArray())
                from same in Gen.Bool
                select new Mutation($"duplicate {member.Key}", [.. members, member with { Json = same ? member.Json : "\"other\"" }], [member.Key], true, false)),
            (2, from key in Gen.OneOf(keys.Where(k => k.StartsWith(SettingKeys.Project + ":", StringComparison.Ordinal)).ToArray())
                from suffix in Gen.OneOf("x", "é", "\n", "\u0000", " ", "\u202e")
                let name = key + suffix
                select new Mutation($"unknown key {ConfigValue.Quoted(name)}", [.. members, new Member(name, "\"1\"")], [name], true, false)),
            (1, Gen.OneOf("null", "[]", "\"text\"", "42", "{", "{\"a\":", "{}", "{\"aws:region\":\"eu-west-1\"}", "\ufeff{}")
                .Select(json => new Mutation($"whole value {ConfigValue.Quoted(json)}", [], SettingKeys.All.Select(SettingKeys.Qualified).ToList(), true, true, json))),
            (1, from depth in Gen.OneOf(63, 64, 65, 1_000, 100_000)
                from key in Gen.OneOf(keys)
                select new Mutation($"{key}: raw JSON nested {depth} deep", With(members, key, new string('[', depth) + new string(']', depth)), [key], true, true)));

        return from m in mutation
               from truncate in Gen.Int[0, 9]
               from cut in Gen.Int[0, 1_000_000]
               let json = m.RawJson ?? Render(m.Members)
               // Cut to at least one character: an empty PULUMI_CONFIG is no stack run at all.
               let cutAt = json.Length > 1 ? 1 + cut % (json.Length - 1) : json.Length
               let at = char.IsHighSurrogate(json[cutAt - 1]) && cutAt > 1 ? cutAt - 1 : cutAt
               select truncate == 0 && json.Length > 1
                   ? new FuzzCase($"{m.Description}, truncated at {at}", json[..at], [], false, true)
                   : new FuzzCase(m.Description, json, m.Blamed, m.MustRefuse, m.SyntaxErrorAllowed);
    }

    private static Gen<Mutation> ReplaceValue(List<Member> members, string[] keys, IReadOnlyDictionary<string, Setting> settings, IReadOnlyDictionary<string, ConfigValue> originals) =>
        from key in Gen.OneOf(keys.Where(settings.ContainsKey).ToArray())
        from value in ValueMutations.For(settings[key], originals.GetValueOrDefault(key), originals.Where(e => e.Key != key).Select(e => e.Value).ToList())
        select new Mutation($"{key}: {value.Description}", With(members, key, ConfigValue.Quoted(value.Value.EngineText())), [key], value.MustRefuse, false);

    /// <summary>What the engine never sends but a hand-set PULUMI_CONFIG may hold: numbers, booleans, null, arrays, objects.</summary>
    /// <summary>
    /// A JSON array must be refused only where the key takes no list. Whether it does is the setting's declared type,
    /// not whether this stack file happens to set a list (a list setting left at its default accepts <c>[]</c>).
    /// </summary>
    private static Gen<Mutation> RawValue(List<Member> members, string[] keys, IReadOnlyDictionary<string, Setting> settings, IReadOnlyDictionary<string, ConfigValue> originals) =>
        from key in Gen.OneOf(keys)
        from raw in Gen.OneOf("30", "-1", "1e400", "1.0", "true", "null", "[]", "{}", "[\"10.0.0.0/8\"]", "{\"secure\":\"v1:abc\"}", "\"\\ud800\"", "99999999999999999999")
        let takesList = settings.TryGetValue(key, out var setting) ? ValueMutations.TakesList(setting) : originals.GetValueOrDefault(key) is ConfigValue.List
        select new Mutation($"{key}: raw JSON {raw}", With(members, key, raw), [key], raw is "{}" or "{\"secure\":\"v1:abc\"}" || (!takesList && raw is "[]" or "[\"10.0.0.0/8\"]"), false);

    private static List<Member> With(List<Member> members, string key, string json)
    {
        var result = members.Where(m => m.Key != key).ToList();
        var index = members.FindIndex(m => m.Key == key);
        result.Insert(index < 0 ? result.Count : index, new Member(key, json));
        return result;
    }

    private static string Render(IReadOnlyList<Member> members) =>
        "{" + string.Join(",", members.Select(m => $"{ConfigValue.Quoted(m.Key)}:{m.Json}")) + "}";
}
