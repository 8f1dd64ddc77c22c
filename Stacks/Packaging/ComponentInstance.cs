namespace Infra.Stacks.Packaging;

/// <summary>
/// One component of a stack: its instance name, the template it was lifted into, and the values it passes.
/// <paramref name="TemplateKey"/> names the package file its templates live in: the instance's own name, or the
/// kind every instance of a repeated resource shares.
/// </summary>
public sealed record ComponentInstance(string Name, string TemplateKey, string BaseTemplateName, ComponentTemplate Template, IReadOnlyDictionary<string, object> Inputs, IReadOnlyList<string> DependsOn);

/// <summary>A template's body: inputs, resources, outputs, as written under <c>components:</c>.</summary>
public sealed record ComponentTemplate(OrderedDictionary<string, object> Tree)
{
    public string Shape => TemplateShape.Of(Tree);
}
