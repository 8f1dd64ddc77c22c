using Infra.Model;

namespace Infra.Tests.Evaluation;

/// <summary>
/// The component program, its instances expanded with their templates, is the flat program resource for resource
/// (types, properties, options, secrets, stack outputs, config) apart from names and parents; a child's wait on
/// another component's resource becomes its instance's wait on that component.
/// </summary>
public static class ComponentRoundTrip
{
    public static void AssertExpandsToFlat(string flatYaml, string componentYaml, IReadOnlyDictionary<string, string> packageFiles, string label)
    {
        var flat = YamlTree.ParseMap(flatYaml);
        var (expanded, parents, waits) = new ComponentExpander(packageFiles) { ChildName = TestSupport.FlatName, MarkSecretInputs = false }.Expand(componentYaml);

        var flatResources = (Dictionary<string, object?>)flat["resources"]!;
        var expandedResources = (Dictionary<string, object?>)expanded["resources"]!;
        Assert.Equal(flatResources.Keys.Order(), expandedResources.Keys.Order());
        foreach (var (name, declaration) in flatResources)
        {
            var expected = MoveOutsideWaits((Dictionary<string, object?>)declaration!, parents, name, waits[parents[name]]);
            Assert.True(SameTree(expected, expandedResources[name]), $"{label}: '{name}' differs once expanded:\nflat:     {JsonText.From(expected)}\nexpanded: {JsonText.From(expandedResources[name])}");
        }
        Assert.True(SameTree(flat.GetValueOrDefault("outputs"), expanded.GetValueOrDefault("outputs")), $"{label}: the stack outputs differ once expanded.");
        Assert.True(SameTree(flat.GetValueOrDefault("config"), expanded.GetValueOrDefault("config")), $"{label}: config differs.");
    }

    /// <summary>The flat declaration with dependsOn on other components' resources removed, after checking the instance waits for their component.</summary>
    private static Dictionary<string, object?> MoveOutsideWaits(Dictionary<string, object?> declaration, Dictionary<string, string> parents, string name, List<string> instanceWaits)
    {
        var copy = new Dictionary<string, object?>(declaration, StringComparer.Ordinal);
        if (copy.GetValueOrDefault("options") is Dictionary<string, object?> options && options.GetValueOrDefault("dependsOn") is List<object?> dependsOn)
        {
            var targets = dependsOn.Cast<string>().Select(d => d[2..^1]).ToList();
            foreach (var outside in targets.Where(t => parents[t] != parents[name]))
            {
                Assert.Contains(parents[outside], instanceWaits);
            }
            var inside = targets.Where(t => parents[t] == parents[name]).Select(t => (object?)$"${{{t}}}").ToList();
            var trimmed = new Dictionary<string, object?>(options, StringComparer.Ordinal);
            if (inside.Count > 0)
            {
                trimmed["dependsOn"] = inside;
            }
            else
            {
                trimmed.Remove("dependsOn");
            }
            copy["options"] = trimmed;
        }
        return copy;
    }

    /// <summary>Maps compare as sets of keys (the engine does not order properties), lists in order.</summary>
    private static bool SameTree(object? left, object? right) => (left, right) switch
    {
        (Dictionary<string, object?> a, Dictionary<string, object?> b) => a.Count == b.Count && a.All(e => b.TryGetValue(e.Key, out var v) && SameTree(e.Value, v)),
        (List<object?> a, List<object?> b) => a.Count == b.Count && a.Zip(b).All(p => SameTree(p.First, p.Second)),
        _ => Equals(left, right),
    };
}
