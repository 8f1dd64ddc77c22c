using Infra.Model;
using Infra.Settings;

namespace Infra.Stacks.Packaging;

/// <summary>
/// The program the engine runs: one resource per component instance, typed by its template in the
/// committed package, passing the stack's values and the other instances' outputs; then the stack outputs.
/// </summary>
public static class ComponentProgram
{
    public static OrderedDictionary<string, object> ToTree(PulumiProgram flat, ComponentPackage package)
    {
        var lifting = ComponentLifting.Lift(flat);
        var resources = new OrderedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var instance in lifting.Instances)
        {
            var template = package.TemplateFor(instance) ?? throw new UserError(
                $"The component package {ComponentPackage.Folder}/ has no template for '{instance.Name}' as this stack builds it. " +
                $"Regenerate it (dotnet run --project Infra.csproj -- components --out {ComponentPackage.Folder}) and commit it.");
            resources.Add(instance.Name, Node.Map(
                ("type", ComponentPackage.TypeToken(template)),
                ("properties", instance.Inputs.Count > 0 ? instance.Inputs : null),
                ("options", instance.DependsOn.Count > 0 ? Node.Map(("dependsOn", instance.DependsOn.Select(name => (object)$"${{{name}}}").ToList())) : null)));
        }
        return Node.Map(
            ("name", flat.Name),
            ("description", flat.Description),
            ("config", lifting.Config),
            ("resources", resources),
            ("outputs", lifting.ProgramOutputs.Count > 0 ? lifting.ProgramOutputs : null));
    }
}
