using System.Reflection;
using System.Text;

namespace Infra.Model;

/// <summary>
/// How <see cref="Node"/> writes typed values for one reader: the key a property goes under (a
/// <see cref="WireNameAttribute"/> wins over the case rule), how literal text is written, and
/// whether deploy-time values may appear at all.
/// </summary>
public sealed class TreeConvention
{
    private readonly Func<string, string> _keyOf;
    private readonly Func<string, string> _literal;

    private TreeConvention(Func<string, string> keyOf, Func<string, string> literal, bool admitsDeployTimeValues)
    {
        _keyOf = keyOf;
        _literal = literal;
        AdmitsDeployTimeValues = admitsDeployTimeValues;
    }

    /// <summary>Pulumi YAML: the providers' camelCase property names; every literal <c>$</c> doubled, as Pulumi reads <c>${</c> as a reference.</summary>
    public static TreeConvention PulumiProgram { get; } = new(CamelCase, Model.Literal.Escape, admitsDeployTimeValues: true);

    /// <summary>
    /// The collector's YAML: snake_case, its components' mapstructure tags; text as written (<c>${env:...}</c>
    /// is the collector's own expansion). No outputs: the config is one literal string in the program.
    /// </summary>
    public static TreeConvention CollectorConfig { get; } = new(SnakeCase, text => text, admitsDeployTimeValues: false);

    /// <summary>Outputs and expressions render as program references; where they may not, they are a programming error.</summary>
    public bool AdmitsDeployTimeValues { get; }

    public string KeyOf(PropertyInfo property) => property.GetCustomAttribute<WireNameAttribute>()?.Name ?? _keyOf(property.Name);

    public string Literal(string text) => _literal(text);

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary><c>NumTraces</c> to <c>num_traces</c>: an underscore before each capital but the first, all lower case.</summary>
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
