using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Infra.Model;
using YamlDotNet.Serialization;

namespace Infra.Collector;

/// <summary>
/// Renders the collector model; the same model always gives the same text. Public properties keep
/// their declaration order under snake_case names (a <see cref="YamlMemberAttribute"/> alias wins,
/// <see cref="YamlIgnoreAttribute"/> leaves one out) and nulls are not written: the text YamlDotNet's
/// serializer gives with <c>UnderscoredNamingConvention</c> and <c>OmitNull</c> (a test holds the two
/// together), written through <see cref="YamlText"/> without the serializer's start-up cost.
/// </summary>
public static class CollectorYaml
{
    public static string Serialize(CollectorConfig config) => YamlText.Write(ToTree(config)!);

    /// <summary>The <c>tail_sampling</c> block alone, in the shape it has inside the running config.</summary>
    public static string SerializeTailSampling(CollectorConfig config) =>
        YamlText.Write(ToTree(new Dictionary<string, object> { ["processors"] = new Dictionary<string, object> { ["tail_sampling"] = config.Processors["tail_sampling"] } })!);

    private static object? ToTree(object? value) => value switch
    {
        null or string or bool or int or long or double or decimal => value,
        Enum member => member.ToString(),
        IDictionary map => FromMap(map),
        IEnumerable list => list.Cast<object?>().Select(ToTree).ToList(),
        _ => FromProperties(value),
    };

    private static OrderedDictionary<string, object?> FromMap(IDictionary map)
    {
        var tree = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in map)
        {
            tree.Add(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!, ToTree(entry.Value));
        }
        return tree;
    }

    private static OrderedDictionary<string, object?> FromProperties(object record)
    {
        var tree = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in Model.DeclaredProperties.Of(record))
        {
            if (property.IsDefined(typeof(YamlIgnoreAttribute)))
            {
                continue;
            }
            var value = property.GetValue(record);
            if (value is not null)
            {
                tree.Add(property.GetCustomAttribute<YamlMemberAttribute>()?.Alias ?? SnakeCase(property.Name), ToTree(value));
            }
        }
        return tree;
    }

    /// <summary><c>NumTraces</c> to <c>num_traces</c>: an underscore before each capital, all lower case.</summary>
    private static string SnakeCase(string name)
    {
        var snake = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsAsciiLetterUpper(name[i]) && i > 0)
            {
                snake.Append('_');
            }
            snake.Append(char.ToLowerInvariant(name[i]));
        }
        return snake.ToString();
    }
}
