namespace Infra.Stacks.Packaging;

/// <summary>Structural equality of parsed YAML trees (maps compare as ordered, as a template's text does).</summary>
internal static class PlainTree
{
    public static bool Equal(object? left, object? right) => (left, right) switch
    {
        (Dictionary<string, object?> a, Dictionary<string, object?> b) =>
            a.Count == b.Count && a.Keys.SequenceEqual(b.Keys) && a.All(entry => Equal(entry.Value, b[entry.Key])),
        (List<object?> a, List<object?> b) => a.Count == b.Count && a.Zip(b).All(pair => Equal(pair.First, pair.Second)),
        _ => Equals(left, right),
    };
}
