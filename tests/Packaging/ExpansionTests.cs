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
        var result = TestSupport.RunCli(["synth", "--stack", stack]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout;
    }

    private static IReadOnlyDictionary<string, string> Package => ComponentPackage.Read(TestSupport.RepoRoot).Files;

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Expanded_component_program_is_the_flat_program(string stack) =>
        ComponentRoundTrip.AssertExpandsToFlat(TestSupport.Synth(stack), ComponentProgram(stack), Package, stack);

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

    /// <summary>
    /// Secrets cross a component boundary only as references into <c>secret: true</c> inputs: an input whose value reaches a
    /// secret output (the connection string, the ingress tokens) is declared secret, and no secret input is given a literal.
    /// </summary>
    [Theory]
    [MemberData(nameof(Stacks))]
    public void Secrets_enter_components_only_by_reference_into_secret_inputs(string stack)
    {
        var program = YamlTree.ParseMap(ComponentProgram(stack));
        var instances = ((Dictionary<string, object?>)program["resources"]!).ToDictionary(e => e.Key, e => (Dictionary<string, object?>)e.Value!);
        var templates = Package.Values.Select(text => YamlTree.ParseMap(text).GetValueOrDefault("components") as Dictionary<string, object?>)
            .SelectMany(map => map is null ? [] : map.ToList()).ToDictionary(e => e.Key, e => (Dictionary<string, object?>)e.Value!);
        Dictionary<string, object?> TemplateOf(string instance) => templates[((string)instances[instance]["type"]!).Split(':')[2]];

        // ${instance.output} is secret when the output is a child's additionalSecretOutputs property.
        bool IsSecretOutput(string reference)
        {
            var (instance, output) = (reference.Split('.')[0], reference[(reference.IndexOf('.') + 1)..]);
            var template = TemplateOf(instance);
            var inner = ((string)((Dictionary<string, object?>)template["outputs"]!)[output]!)[2..^1].Split('.');
            var child = (Dictionary<string, object?>)((Dictionary<string, object?>)template["resources"]!)[inner[0]]!;
            return (child.GetValueOrDefault("options") as Dictionary<string, object?>)?.GetValueOrDefault("additionalSecretOutputs") is List<object?> secrets && secrets.Contains(inner[1]);
        }

        var secretInputs = 0;
        foreach (var (instance, declaration) in instances)
        {
            var declared = TemplateOf(instance).GetValueOrDefault("inputs") as Dictionary<string, object?> ?? [];
            foreach (var (input, value) in declaration.GetValueOrDefault("properties") as Dictionary<string, object?> ?? [])
            {
                var secret = ((Dictionary<string, object?>)declared[input]!).GetValueOrDefault("secret") is true;
                var references = ProgramEvaluator.References(value).ToList();
                if (references.Any(r => instances.ContainsKey(r.Split('.')[0]) && IsSecretOutput(r)))
                {
                    Assert.True(secret, $"{stack}: {instance}.{input} carries a secret output but is not a secret input.");
                }
                if (secret)
                {
                    secretInputs++;
                    Assert.True(references.Count > 0 || value is Dictionary<string, object?> { Count: 1 } f && f.ContainsKey("fn::secret"),
                        $"{stack}: {instance}.{input} is a secret input given a plain value.");
                }
            }
        }
        Assert.True(secretInputs > 0, $"{stack}: no secret crosses a component boundary; the connection string should.");
    }
}
