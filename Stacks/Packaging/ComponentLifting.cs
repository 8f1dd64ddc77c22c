using Infra.Model;

namespace Infra.Stacks.Packaging;

/// <summary>
/// Splits a flat program into component instances: each C# component's resources become a template
/// (<see cref="TemplateLifter"/>), each reference across components goes through an output of the
/// component that holds the resource, and the program keeps only the instances and its outputs.
/// </summary>
public static class ComponentLifting
{
    /// <summary>The one child of a repeated resource's template (<see cref="PulumiProgram.AddRepeated"/>): in state, <c>&lt;instance&gt;-resource</c>.</summary>
    public const string RepeatedChild = "resource";

    public sealed record Result(IReadOnlyList<ComponentInstance> Instances, OrderedDictionary<string, object> ProgramOutputs, IReadOnlyDictionary<string, string> InstanceOfResource, object? Config);

    public static Result Lift(PulumiProgram program)
    {
        var tree = ProgramWriter.ToTree(program);
        var resources = (IDictionary<string, object>)tree["resources"];
        var instanceOf = program.Resources.ToDictionary(entry => entry.Resource.Name, entry => entry.Component, StringComparer.Ordinal);
        var secretOutputs = program.Resources.ToDictionary(entry => entry.Resource.Name, entry => entry.Resource.AllSecretOutputs, StringComparer.Ordinal);
        var secretConfig = program.Config.Where(entry => entry.Value.Secret).Select(entry => entry.Key).ToHashSet(StringComparer.Ordinal);
        bool IsSecret(TextSegment reference) =>
            secretConfig.Contains(reference.Root!)
            || (secretOutputs.TryGetValue(reference.Root!, out var outputs) && reference.Reference!.Split('.', '[') is { Length: > 1 } steps && outputs.Contains(steps[1]));

        // Inside its template a resource keeps its name, except the one child of a repeated resource's template.
        string ChildName(string resource) => program.Repeated.ContainsKey(resource) ? RepeatedChild : resource;
        string InTemplate(string reference)
        {
            var root = reference.Split('.', '[')[0];
            return ChildName(root) + reference[root.Length..];
        }

        var outputs = new Dictionary<string, SortedDictionary<string, object>>(StringComparer.Ordinal);
        // From outside its instance, ${res.path} becomes ${instance.output}; the instance exposes ${res.path} under that name.
        string FromOutside(string reference)
        {
            var root = reference.Split('.', '[')[0];
            if (!instanceOf.TryGetValue(root, out var owner))
            {
                return reference;
            }
            if (root == reference)
            {
                throw new InvalidOperationException($"'${{{reference}}}' names a whole resource outside dependsOn; a component cannot pass it on.");
            }
            var output = TemplateText.Camel(InTemplate(reference));
            var exposed = outputs.TryGetValue(owner, out var existing) ? existing : outputs[owner] = new SortedDictionary<string, object>(StringComparer.Ordinal);
            exposed[output] = $"${{{InTemplate(reference)}}}";
            return $"{owner}.{output}";
        }

        foreach (var handle in program.HandlesForRepeated)
        {
            FromOutside(handle);
        }
        foreach (var resource in instanceOf.Keys.Where(name => name == RepeatedChild && !program.Repeated.ContainsKey(name)))
        {
            throw new InvalidOperationException($"A resource named '{resource}' would take the name of a repeated resource's only child; rename it.");
        }

        var lifted = new List<(string Instance, TemplateLifter Lifter, OrderedDictionary<string, object> Resources)>();
        foreach (var group in program.Resources.GroupBy(entry => entry.Component))
        {
            var inside = group.Select(entry => entry.Resource.Name).ToHashSet(StringComparer.Ordinal);
            var lifter = new TemplateLifter(inside, IsSecret, FromOutside);
            var children = new OrderedDictionary<string, object>(StringComparer.Ordinal);
            foreach (var (_, resource) in group)
            {
                // A repeated resource's inputs are named by property alone (endpoint, not resourceEndpoint): it is the template's only child.
                var child = lifter.LiftResource(program.Repeated.ContainsKey(resource.Name) ? "" : resource.Name, (IDictionary<string, object>)resources[resource.Name]);
                lifter.MoveOutsideDependencies(child);
                children.Add(ChildName(resource.Name), child);
            }
            lifted.Add((group.Key, lifter, children));
        }
        var programOutputs = tree.TryGetValue("outputs", out var o)
            ? TemplateText.Copy((IDictionary<string, object>)o, value => TemplateText.RewriteReferences(value, FromOutside))
            : new OrderedDictionary<string, object>(StringComparer.Ordinal);

        var instances = lifted.Select(entry =>
        {
            var body = Node.Map(
                ("inputs", entry.Lifter.Inputs.Count > 0 ? TemplateText.Copy(entry.Lifter.Inputs.ToDictionary(e => e.Key, e => (object)e.Value), input => ((TemplateInput)input).ToTree()) : null),
                ("resources", entry.Resources),
                ("outputs", outputs.TryGetValue(entry.Instance, out var exposed) ? Node.Map([.. exposed.Select(e => (e.Key, (object?)e.Value))]) : null));
            var dependsOn = entry.Lifter.OutsideDependencies.Select(root => instanceOf[root]).Distinct().ToList();
            var key = program.Repeated.GetValueOrDefault(entry.Instance) ?? entry.Instance;
            return new ComponentInstance(entry.Instance, key, TemplateText.Pascal(key), new ComponentTemplate(body), entry.Lifter.Values, dependsOn);
        }).ToList();
        return new Result(instances, programOutputs, instanceOf, tree.GetValueOrDefault("config"));
    }
}
