using Infra.Model;
using Infra.Stacks.Packaging;
using Infra.Tests.Evaluation;

namespace Infra.Tests.Packaging;

/// <summary>
/// The component program, its instances expanded with the committed templates, is the flat program
/// resource for resource (types, properties, options, secrets, stack outputs) apart from names and parents;
/// a child's wait on another component's resource becomes its instance's wait on that component.
/// </summary>
public class ExpansionTests
{
    public static TheoryData<string> Stacks => new(TestSupport.StackNames);

    private static string ComponentProgram(string stack)
    {
        var result = TestSupport.RunCli(["synth", "--stack", stack, "--components"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout;
    }

    private static IReadOnlyDictionary<string, string> Package => ComponentPackage.Read(TestSupport.RepoRoot).Files;

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Expanded_component_program_is_the_flat_program(string stack)
    {
        var flat = YamlTree.ParseMap(TestSupport.Synth(stack));
        var (expanded, parents, waits) = new ComponentExpander(Package) { ChildName = (_, child) => child, MarkSecretInputs = false }.Expand(ComponentProgram(stack));

        var flatResources = (Dictionary<string, object?>)flat["resources"]!;
        var expandedResources = (Dictionary<string, object?>)expanded["resources"]!;
        Assert.Equal(flatResources.Keys.Order(), expandedResources.Keys.Order());
        foreach (var (name, declaration) in flatResources)
        {
            var expected = MoveOutsideWaits((Dictionary<string, object?>)declaration!, parents, name, waits[parents[name]]);
            Assert.True(SameTree(expected, expandedResources[name]), $"{stack}: '{name}' differs once expanded:\nflat:     {JsonText.From(expected)}\nexpanded: {JsonText.From(expandedResources[name])}");
        }
        Assert.True(SameTree(flat["outputs"], expanded["outputs"]), $"{stack}: the stack outputs differ once expanded.");
        Assert.True(SameTree(flat.GetValueOrDefault("config"), expanded.GetValueOrDefault("config")), $"{stack}: config differs.");
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Expanded_component_program_evaluates_with_children_prefixed_and_parented(string stack)
    {
        var expander = new ComponentExpander(Package);
        var evaluated = new ProgramEvaluator(FakeCloud.Create().Object).Evaluate(expander.ExpandForEvaluation(ComponentProgram(stack)));
        var (_, parents, _) = expander.Expand(ComponentProgram(stack));
        var flatCount = ((Dictionary<string, object?>)YamlTree.ParseMap(TestSupport.Synth(stack))["resources"]!).Count;
        Assert.Equal(flatCount, evaluated.Resources.Count);
        Assert.All(evaluated.Resources.Keys, name => Assert.StartsWith(parents[name] + "-", name));
        // The connection string reaches its SecureString still a secret, through two component boundaries.
        Assert.Contains(evaluated.Resources.Values, resource => resource.Name.EndsWith("azure-monitor-connection-string", StringComparison.Ordinal)
            && resource.Inputs["value"] is Secret);
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
