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

    /// <summary>
    /// The empty list for <paramref name="sequence"/>, or null when its items are not scalars. Matched by interface,
    /// not by reflection over the type: the synth is trimmed for native AOT, where GetInterfaces needs annotations.
    /// </summary>
    public static EmptyScalarList? For(System.Collections.IEnumerable sequence) => sequence switch
    {
        IEnumerable<string> or IEnumerable<Input<string>> or IEnumerable<Output<string>> => new("string"),
        IEnumerable<int> or IEnumerable<long> or IEnumerable<Input<int>> => new("integer"),
        IEnumerable<bool> or IEnumerable<Input<bool>> => new("boolean"),
        _ => null,
    };
}
