namespace Infra.Stacks.Packaging;

/// <summary>
/// A template input as pulumi-yaml declares it (ast/template.go parseTypeSpec): string, integer, boolean,
/// or array with items of one of those; <c>secret</c> keeps a secret value secret inside the component.
/// </summary>
internal sealed record TemplateInput(string Type, string? Items, bool Secret)
{
    public static readonly IReadOnlySet<string> ScalarTypes = new HashSet<string>(StringComparer.Ordinal) { "string", "integer", "boolean" };

    public object ToTree() => Infra.Model.Node.Map(
        ("type", Type),
        ("items", Items is null ? null : Infra.Model.Node.Map(("type", Items))),
        ("secret", Secret ? true : null));

    /// <summary>The input type a value can travel as, or null when it cannot (a map, a number, a list of maps).</summary>
    public static TemplateInput? For(object node, bool secret) => ScalarType(node) switch
    {
        { } scalar => new TemplateInput(scalar, null, secret),
        // An empty list stays in the template: its items' type is unknown, and pulumi-yaml's type check
        // (analyser.go isAssignable) refuses a list of strings where the provider takes a list of objects.
        null when node is IList<object> { Count: > 0 } list && list.Select(ScalarType).Distinct().ToList() is [{ } itemType] =>
            new TemplateInput("array", itemType, secret),
        // An empty list whose model declares scalar items is an input too, so filling it later keeps the template.
        null when node is Infra.Model.EmptyScalarList empty => new TemplateInput("array", empty.ItemType, secret),
        _ => null,
    };

    /// <summary>Functions that evaluate to a string (toJSON, join, invoke of an id) travel as one.</summary>
    private static string? ScalarType(object? node) => node switch
    {
        string => "string",
        bool => "boolean",
        int or long => "integer",
        IDictionary<string, object> { Count: 1 } map when map.Keys.Single() is "fn::toJSON" or "fn::join" or "fn::invoke" => "string",
        IDictionary<string, object> { Count: 1 } map when map.Keys.Single() == "fn::secret" => ScalarType(map.Values.Single()),
        _ => null,
    };
}
