using System.Text;
using Infra.Capacity;
using Infra.Cost;
using Infra.Model;

namespace Infra.Plan;

public static class PlanFormats
{
    public const string Text = "text";
    public const string Markdown = "markdown";
}

/// <summary>
/// <c>plan --format markdown</c>: what a reviewer reads next to the Pulumi preview on a pull request:
/// resources by component, then capacity and the monthly cost with and without sampling.
/// </summary>
public static class MarkdownPlan
{
    /// <summary>Marks the comment so the workflow updates it instead of adding one per push.</summary>
    public static string Marker(string stack) => $"<!-- otel-multicloud plan: {stack} -->";

    public static string Render(PulumiProgram program, string stack, IReadOnlyDictionary<string, string?> componentTypes, IReadOnlyList<string> notes, CapacityReport capacity, CostReport cost)
    {
        var text = new StringBuilder();
        text.AppendLine(Marker(stack));
        text.AppendLine($"## Plan for stack `{stack}`: {program.Resources.Count} resources");
        text.AppendLine();
        text.AppendLine("| Component | Type | Resources |");
        text.AppendLine("|---|---|---|");
        foreach (var group in program.Resources.GroupBy(entry => entry.Component))
        {
            var resources = group.GroupBy(entry => entry.Resource.Type).Select(byType => $"{byType.Count()} x `{byType.Key}`");
            var type = componentTypes.GetValueOrDefault(group.Key) is { } token ? $"`{token}`" : ResourceListing.NotInPackage;
            text.AppendLine($"| {group.Key} | {type} | {string.Join(", ", resources)} |");
        }
        text.AppendLine();
        foreach (var note in notes)
        {
            text.AppendLine($"> **Note:** {note}");
            text.AppendLine();
        }
        text.Append(MarkdownReport.Render(capacity, cost));
        return text.ToString();
    }
}
