using Infra.Capacity;
using Infra.Cost;
using Infra.Model;
using Infra.Settings;

namespace Infra.Plan;

/// <summary><c>plan</c>: the resources, what a reviewer should know, and what the stack holds and costs, as text or Markdown.</summary>
public static class StackPlan
{
    public static string Render(StackSettings settings, PulumiProgram program, StackInventory inventory, string format)
    {
        var capacity = StackCapacity.Of(settings);
        var cost = StackCost.Of(settings, inventory, capacity);
        var notes = PlanNotes.For(settings).Concat(FaultSummary.Lines(settings, capacity)).ToList();
        return format == PlanFormats.Markdown
            ? MarkdownPlan.Render(program, settings.Stack, notes, capacity, cost)
            : ResourceListing.Render(program, settings.Stack) + string.Concat(notes.Select(note => $"\nNote: {note}\n")) + "\n" + PlainTextReport.Render(capacity, cost);
    }
}
