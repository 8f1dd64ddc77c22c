using Infra.Capacity;
using Infra.Cost;
using Infra.Model;
using Infra.Settings;
using Infra.Stacks.Packaging;

namespace Infra.Plan;

/// <summary><c>plan</c>: the resources, what a reviewer should know, and what the stack holds and costs, as text or Markdown.</summary>
public static class StackPlan
{
    /// <param name="componentTypes">Each component instance's type token in the package (<see cref="Stacks.Packaging.ComponentTypes"/>), null where it has none.</param>
    public static string Render(StackSettings settings, PulumiProgram program, StackInventory inventory, IReadOnlyList<(string Instance, string? Type)> componentTypes, string format)
    {
        var capacity = StackCapacity.Of(settings);
        var cost = StackCost.Of(settings, inventory, capacity);
        var types = componentTypes.ToDictionary(entry => entry.Instance, entry => entry.Type, StringComparer.Ordinal);
        var notes = PackageNote(componentTypes).Concat(PlanNotes.For(settings)).Concat(FaultSummary.Lines(settings, capacity)).ToList();
        return format == PlanFormats.Markdown
            ? MarkdownPlan.Render(program, settings.Stack, types, notes, capacity, cost)
            : ResourceListing.Render(program, settings.Stack, types) + string.Concat(notes.Select(note => $"\nNote: {note}\n")) + "\n" + PlainTextReport.Render(capacity, cost);
    }

    /// <summary>A stack built in a shape the package lacks is refused by synth (the engine's call): say so before the pull request merges.</summary>
    private static IEnumerable<string> PackageNote(IReadOnlyList<(string Instance, string? Type)> componentTypes)
    {
        var missing = componentTypes.Where(entry => entry.Type is null).Select(entry => entry.Instance).ToList();
        if (missing.Count > 0)
        {
            yield return $"The component package {ComponentPackage.Folder}/ has no template for {string.Join(", ", missing)} as this stack builds them, so the engine's synth will refuse this stack: " +
                $"regenerate the package (dotnet run --project Infra.csproj -- components --out {ComponentPackage.Folder}) and commit it.";
        }
    }
}
