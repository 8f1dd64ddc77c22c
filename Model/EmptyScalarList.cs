namespace Infra.Model;

/// <summary>
/// An empty list whose items, had it any, would be strings, integers or booleans: the tree keeps that type, so a
/// component template can take the list as an input whether or not a stack fills it (an empty list of unknown
/// items has to stay in the template, and then the list's first item would change the template's shape).
/// </summary>
public sealed class EmptyScalarList : List<object>
{
    private EmptyScalarList(string itemType) => ItemType = itemType;

    /// <summary>The item type as a Pulumi YAML template input declares it: string, integer or boolean.</summary>
    public string ItemType { get; }

    /// <summary>The empty list for a sequence of <paramref name="sequenceType"/>, or null when its items are not scalars.</summary>
    public static EmptyScalarList? For(Type sequenceType) => ItemTypeOf(sequenceType) switch
    {
        { } item when item == typeof(string) || item == typeof(Input<string>) || item == typeof(Output<string>) => new("string"),
        { } item when item == typeof(int) || item == typeof(long) || item == typeof(Input<int>) => new("integer"),
        { } item when item == typeof(bool) || item == typeof(Input<bool>) => new("boolean"),
        _ => null,
    };

    private static Type? ItemTypeOf(Type sequenceType) =>
        sequenceType.IsArray ? sequenceType.GetElementType()
        : sequenceType.GetInterfaces().Append(sequenceType)
            .FirstOrDefault(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
