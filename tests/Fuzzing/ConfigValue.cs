using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Fuzzing;

/// <summary>A config value as the fuzzer builds it: text, a list or a mapping, rendered to stack-file YAML or PULUMI_CONFIG JSON.</summary>
public abstract record ConfigValue
{
    private static readonly JsonSerializerOptions RawUnicode = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON string literal that keeps non-ASCII as it is (YAML double quotes read JSON escapes the same way).</summary>
    public static string Quoted(string text) => JsonSerializer.Serialize(text, RawUnicode);

    public static ConfigValue FromYaml(YamlNode node) => node switch
    {
        YamlScalarNode scalar => new Text(scalar.Value ?? ""),
        YamlSequenceNode list => new List(list.Children.Select(FromYaml).ToList()),
        YamlMappingNode map => new Map(map.Children.Select(e => (((YamlScalarNode)e.Key).Value ?? "", FromYaml(e.Value))).ToList()),
        _ => throw new ArgumentException($"Unexpected node {node.NodeType}"),
    };

    /// <summary>The value as the engine passes it in PULUMI_CONFIG: text as is, lists and mappings as JSON text.</summary>
    public string EngineText() => this switch
    {
        Text text => text.Value,
        _ => Json(),
    };

    /// <summary>JSON, with <see cref="Bare"/> scalars typed as YAML would type them (number, boolean, null).</summary>
    public string Json() => this switch
    {
        Bare bare => BareJson(bare.Value),
        Text text => Quoted(text.Value),
        List list => "[" + string.Join(",", list.Items.Select(i => i.Json())) + "]",
        Map map => "{" + string.Join(",", map.Entries.Select(e => $"{Quoted(e.Key)}:{e.Value.Json()}")) + "}",
        _ => throw new InvalidOperationException(),
    };

    /// <summary>YAML flow style: fits after "key: " on one line.</summary>
    public string Flow() => this switch
    {
        Bare bare => bare.Value,
        Text text => Quoted(text.Value),
        List list => "[" + string.Join(", ", list.Items.Select(i => i.Flow())) + "]",
        Map map => "{" + string.Join(", ", map.Entries.Select(e => $"{Quoted(e.Key)}: {e.Value.Flow()}")) + "}",
        _ => throw new InvalidOperationException(),
    };

    /// <summary>YAML block style, as the checked-in stack files write lists: the text after "key:".</summary>
    public string Block(int indent)
    {
        var pad = new string(' ', indent);
        var builder = new StringBuilder();
        switch (this)
        {
            case List { Items.Count: > 0 } list:
                foreach (var item in list.Items)
                {
                    builder.Append('\n').Append(pad).Append("- ").Append(item is Map { Entries.Count: > 0 } ? item.Block(indent + 2).TrimStart('\n', ' ') : item.Flow());
                }
                return builder.ToString();
            case Map { Entries.Count: > 0 } map:
                foreach (var (key, value) in map.Entries)
                {
                    builder.Append('\n').Append(pad).Append(Quoted(key)).Append(':').Append(value is List or Map ? value.Block(indent + 2) : " " + value.Flow());
                }
                return builder.ToString();
            default:
                return " " + Flow();
        }
    }

    private static string BareJson(string text) =>
        text is "true" or "false" ? text
        : text is "" or "~" or "null" ? "null"
        : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? whole.ToString(CultureInfo.InvariantCulture)
        : Quoted(text);

    public sealed record Text(string Value) : ConfigValue;

    /// <summary>A plain (unquoted) YAML scalar such as 5 or true: YAML types it, so inside a list it becomes a JSON number or boolean.</summary>
    public sealed record Bare(string Value) : ConfigValue;

    public sealed record List(IReadOnlyList<ConfigValue> Items) : ConfigValue;

    public sealed record Map(IReadOnlyList<(string Key, ConfigValue Value)> Entries) : ConfigValue;
}
