namespace Infra.Stacks.Packaging;

/// <summary>One template of a component file as its header line records it: name, fingerprint, and the stacks that build it.</summary>
public sealed record TemplateEntry(string Name, string Shape, IReadOnlyList<string> Stacks);

/// <summary>A stack's component changes its type token (its children are replaced on the next deployment unless aliased).</summary>
public sealed record TemplateRename(string Stack, string Component, string From, string To);

/// <summary>
/// Names the templates of one component so that a type token stays put: a template that is exactly as it was keeps
/// its name while a stack that built it still does (the stacks that did not change are not renamed because another did); otherwise a shape keeps the name
/// one of its stacks had, in stack order; otherwise a component built one way is named after itself, and each further
/// shape after the first stack that builds it. A changed type token changes every child's URN, so the engine would
/// replace them: names never follow from the order in which stacks happen to be listed.
/// </summary>
internal static class TemplateNaming
{
    public static IReadOnlyList<(TemplateEntry Entry, ComponentTemplate Template)> Name(
        string baseName,
        IReadOnlyList<(string Shape, IReadOnlyList<string> Stacks, ComponentTemplate Template)> shapes,
        IReadOnlyList<TemplateEntry> previous)
    {
        var previousOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in previous)
        {
            foreach (var stack in entry.Stacks)
            {
                previousOf.TryAdd(stack, entry.Name);
            }
        }
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var names = new string?[shapes.Count];
        void Keep(int i, string? name)
        {
            if (names[i] is null && name is not null && taken.Add(name))
            {
                names[i] = name;
            }
        }
        // First, an unchanged template keeps its name, for the stacks that built it then (not for another stack
        // that now builds what they did: that would rename them).
        for (var i = 0; i < shapes.Count; i++)
        {
            Keep(i, previous.FirstOrDefault(entry => entry.Shape == shapes[i].Shape && entry.Stacks.Intersect(shapes[i].Stacks).Any())?.Name);
        }
        // Then each changed shape keeps a name one of its stacks had (in stack order), if no other shape claimed it.
        for (var i = 0; i < shapes.Count; i++)
        {
            foreach (var stack in shapes[i].Stacks)
            {
                Keep(i, previousOf.GetValueOrDefault(stack));
            }
        }
        for (var i = 0; i < shapes.Count; i++)
        {
            if (names[i] is null)
            {
                var fresh = shapes.Count == 1 && !taken.Contains(baseName) ? baseName : baseName + TemplateText.Pascal(shapes[i].Stacks[0]);
                for (var n = 2; taken.Contains(fresh); n++)
                {
                    fresh = baseName + TemplateText.Pascal(shapes[i].Stacks[0]) + n;
                }
                names[i] = fresh;
                taken.Add(fresh);
            }
        }
        return [.. shapes.Select((shape, i) => (new TemplateEntry(names[i]!, shape.Shape, shape.Stacks), shape.Template))];
    }
}
