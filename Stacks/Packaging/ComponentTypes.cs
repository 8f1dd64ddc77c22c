using Infra.Model;

namespace Infra.Stacks.Packaging;

/// <summary>What <c>pulumi preview</c> will show for each component instance of a stack: its type token in the committed package.</summary>
public static class ComponentTypes
{
    /// <summary>Instance name to type token, in program order; null where the package has no template for the shape this stack builds.</summary>
    public static IReadOnlyList<(string Instance, string? Type)> Of(PulumiProgram flat, ComponentPackage package) =>
        [.. ComponentLifting.Lift(flat).Instances.Select(instance => (instance.Name, package.TemplateFor(instance) is { } template ? ComponentPackage.TypeToken(template) : null))];
}
