using System.Collections;
using System.Globalization;

namespace Infra.Model;

/// <summary>
/// Turns typed values into a YAML-ready tree of strings, numbers, booleans, lists and ordered maps:
/// the one object-to-tree walk for the Pulumi program and the collector config alike, each with its
/// <see cref="TreeConvention"/>. Records become maps of their public properties in declaration
/// order; null means "not set" and is left out.
/// </summary>
public static class Node
{
    public static OrderedDictionary<string, object> Map(params (string Key, object? Value)[] entries)
    {
        var map = new OrderedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            if (value is not null)
            {
                map.Add(key, value);
            }
        }
        return map;
    }

    /// <summary>A value of the Pulumi program.</summary>
    public static object From(object value) => From(value, TreeConvention.PulumiProgram);

    public static object From(object value, TreeConvention convention) => value switch
    {
        string text => convention.Literal(text),
        bool or int or long or double or decimal => value,
        IExpression or IOutput or IInput when !convention.AdmitsDeployTimeValues =>
            throw new ArgumentException($"A {value.GetType().Name} is known only at deploy time and cannot be written into this tree.", nameof(value)),
        IExpression expression => expression.Render(),
        IOutput output => output.Expression.Render(),
        IInput input => From(input.Value, convention),
        Enum enumValue => enumValue.ToString(),
        IDictionary dictionary => FromDictionary(dictionary, convention),
        IEnumerable sequence => FromSequence(sequence, convention),
        _ => FromProperties(value, convention),
    };

    private static List<object> FromSequence(IEnumerable sequence, TreeConvention convention)
    {
        var items = sequence.Cast<object?>().Where(item => item is not null).Select(item => From(item!, convention)).ToList();
        return items.Count == 0 && EmptyScalarList.For(sequence) is { } typed ? typed : items;
    }

    private static OrderedDictionary<string, object> FromDictionary(IDictionary dictionary, TreeConvention convention)
    {
        var map = new OrderedDictionary<string, object>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Value is not null)
            {
                map.Add(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!, From(entry.Value, convention));
            }
        }
        return map;
    }

    private static OrderedDictionary<string, object> FromProperties(object record, TreeConvention convention)
    {
        var map = new OrderedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var property in DeclaredProperties.Of(record.GetType()))
        {
            var value = property.GetValue(record);
            if (value is not null)
            {
                map.Add(convention.KeyOf(property), From(value, convention));
            }
        }
        return map;
    }
}
