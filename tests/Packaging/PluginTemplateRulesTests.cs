using Infra.Model;
using Infra.Stacks.Packaging;

namespace Infra.Tests.Packaging;

/// <summary>
/// The package parses under the rules pulumi-language-yaml applies to a plugin (pulumi/pulumi-yaml v1.38.1):
/// each rule cites where it is enforced, so a failure here is a package the real loader would refuse.
/// </summary>
public class PluginTemplateRulesTests
{
    private static readonly IReadOnlyDictionary<string, Dictionary<string, object?>> Files =
        ComponentPackage.Read(TestSupport.RepoRoot).Files.ToDictionary(e => e.Key, e => YamlTree.ParseMap(e.Value));

    private static IEnumerable<(string File, string Name, Dictionary<string, object?> Template)> Templates =>
        Files.SelectMany(file => (file.Value.GetValueOrDefault("components") as Dictionary<string, object?> ?? [])
            .Select(entry => (file.Key, entry.Key, (Dictionary<string, object?>)entry.Value!)));

    /// <summary>run.go LoadPluginTemplate: every .yaml in the folder is merged; `name` is required, and only one file may set it (TemplateDecl.Merge).</summary>
    [Fact]
    public void The_plugin_file_names_the_package_and_the_runtime_and_no_other_file_names_anything()
    {
        var plugin = Files[ComponentPackage.PluginFile];
        Assert.Equal(ComponentPackage.Name, plugin["name"]);
        Assert.Equal("yaml", plugin["runtime"]);
        Assert.Contains(ComponentPackage.Name, ProviderVersions.ProjectPackages);
        Assert.All(Files.Where(f => f.Key != ComponentPackage.PluginFile), file => Assert.Equal(["components"], file.Value.Keys));
        Assert.Empty(plugin.Keys.Except(["name", "runtime", "description"]));
    }

    /// <summary>run.go LoadPluginTemplate: root-level configuration, config, variables, resources and outputs are refused in a plugin.</summary>
    [Fact]
    public void No_file_has_root_level_config_variables_resources_or_outputs()
    {
        foreach (var (file, root) in Files)
        {
            Assert.Empty(root.Keys.Intersect(["configuration", "config", "variables", "resources", "outputs"]).Select(key => $"{file}: {key}"));
        }
    }

    /// <summary>run.go LoadPluginTemplate: "duplicate component name".</summary>
    [Fact]
    public void Template_names_are_unique_across_the_files()
    {
        var names = Templates.Select(t => t.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.NotEmpty(names);
    }

    /// <summary>
    /// ast/template.go ComponentParamDecl (description, pulumi, inputs, variables, resources, outputs) and
    /// parseTypeSpec: string, integer, boolean, or array with items of those ("missing items", "unknown type"; #764: no number, no object).
    /// </summary>
    [Fact]
    public void Each_template_has_only_component_fields_and_inputs_of_the_allowed_types()
    {
        foreach (var (file, name, template) in Templates)
        {
            Assert.Empty(template.Keys.Except(["description", "pulumi", "inputs", "variables", "resources", "outputs"]).Select(key => $"{file} {name}: {key}"));
            foreach (var (input, spec) in template.GetValueOrDefault("inputs") as Dictionary<string, object?> ?? [])
            {
                Assert.True(AllowedType((Dictionary<string, object?>)spec!), $"{file} {name}.{input}: {JsonText.From(spec)} is not a type pulumi-yaml accepts for an input.");
            }
        }
    }

    /// <summary>
    /// A template sees only its inputs and its own resources (run.go RunComponentTemplate evaluates it with the inputs as
    /// its config), and uses no component of its own package (#918).
    /// </summary>
    [Fact]
    public void Templates_refer_only_to_their_inputs_and_their_own_resources_and_use_no_component()
    {
        foreach (var (file, name, template) in Templates)
        {
            var resources = (Dictionary<string, object?>)template["resources"]!;
            var known = resources.Keys.Concat((template.GetValueOrDefault("inputs") as Dictionary<string, object?> ?? []).Keys).ToHashSet();
            var dangling = TemplateText.References(ToPlain(template)).Select(r => r.Root!).Where(root => !known.Contains(root)).Distinct().ToList();
            Assert.True(dangling.Count == 0, $"{file} {name} refers to {string.Join(", ", dangling)}");
            Assert.DoesNotContain(resources.Values.Cast<Dictionary<string, object?>>(), r => ((string)r["type"]!).StartsWith($"{ComponentPackage.Name}:", StringComparison.Ordinal));
        }
    }

    /// <summary>Every child pins its provider's version, as the program does (ProviderVersions).</summary>
    [Fact]
    public void Each_child_pins_its_provider_version()
    {
        foreach (var (_, name, template) in Templates)
        {
            foreach (var (child, body) in (Dictionary<string, object?>)template["resources"]!)
            {
                var declaration = (Dictionary<string, object?>)body!;
                var package = ((string)declaration["type"]!).Split(':')[0];
                Assert.Equal(ProviderVersions.For(package), ((Dictionary<string, object?>)declaration["options"]!)["version"]);
            }
        }
    }

    private static bool AllowedType(Dictionary<string, object?> spec) => spec.GetValueOrDefault("type") switch
    {
        "string" or "integer" or "boolean" => !spec.ContainsKey("items"),
        "array" => spec.GetValueOrDefault("items") is Dictionary<string, object?> items && AllowedType(items),
        _ => false,
    };

    /// <summary>The parsed tree as the nested IDictionary/IEnumerable of objects that TemplateText walks.</summary>
    private static object ToPlain(object? node) => node switch
    {
        Dictionary<string, object?> map => map.Where(e => e.Value is not null).ToDictionary(e => e.Key, e => ToPlain(e.Value)),
        List<object?> list => list.Where(i => i is not null).Select(ToPlain).ToList(),
        _ => node!,
    };
}
