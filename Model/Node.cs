using System.Collections;
using System.Globalization;
using System.Reflection;

namespace Infra.Model;

/// <summary>
/// Turns typed program values into a YAML-ready tree of strings, numbers, booleans,
/// lists and ordered maps. Typed args objects become maps with camelCase keys.
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

    public static object From(object value) => value switch
    {
        string text => Literal.Escape(text),
        bool or int or long or double or decimal => value,
        IExpression expression => expression.Render(),
        IOutput output => output.Expression.Render(),
        IInput input => From(input.Value),
        Enum enumValue => enumValue.ToString(),
        IDictionary dictionary => FromDictionary(dictionary),
        IEnumerable sequence => sequence.Cast<object?>().Where(item => item is not null).Select(item => From(item!)).ToList(),
        _ => FromArgs(value),
    };

    private static OrderedDictionary<string, object> FromDictionary(IDictionary dictionary)
    {
        var map = new OrderedDictionary<string, object>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Value is not null)
            {
                map.Add(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!, From(entry.Value));
            }
        }
        return map;
    }

    /// <summary>Public properties in declaration order; null means "not set" and is left out.</summary>
    private static OrderedDictionary<string, object> FromArgs(object args)
    {
        var map = new OrderedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var property in DeclaredProperties.Of(args))
        {
            var value = property.GetValue(args);
            if (value is not null)
            {
                map.Add(NameOf(property), From(value));
            }
        }
        return map;
    }

    public static string NameOf(PropertyInfo property) =>
        property.GetCustomAttribute<WireNameAttribute>()?.Name
        ?? char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
}

/// <summary>The exact key on the wire when camelCase of the C# name is not it.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WireNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
