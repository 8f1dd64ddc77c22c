using Infra.Model;
using Infra.Model.Random;
using Infra.Tests.Evaluation;

namespace Infra.Tests;

public class ProgramModelTests
{
    [Fact]
    public void Literal_interpolation_markers_are_escaped_and_references_are_not()
    {
        var program = new PulumiProgram("p", "d");
        var a = program.Add("c", new RandomString("a", new RandomStringArgs { Length = 4 }));
        program.Export("mixed", Interpolation.Of("${env:HOME}/", a.Result));

        var yaml = ProgramWriter.ToYaml(program);

        Assert.Contains("mixed: $${env:HOME}/${a.result}", yaml);
    }

    [Fact]
    public void Options_render_depends_on_protect_ignore_changes_secret_outputs_and_pinned_version()
    {
        var program = new PulumiProgram("p", "d");
        var a = program.Add("c", new RandomString("a", new RandomStringArgs { Length = 4 }));
        program.Add("c", new RandomString("b", new RandomStringArgs { Length = 4 }, new ResourceOptions
        {
            DependsOn = [a],
            Protect = true,
            IgnoreChanges = ["length"],
            AdditionalSecretOutputs = ["result"],
        }));

        var options = (Dictionary<string, object?>)((Dictionary<string, object?>)((Dictionary<string, object?>)YamlTree.ParseMap(ProgramWriter.ToYaml(program))["resources"]!)["b"]!)["options"]!;

        Assert.Equal(new List<object?> { "${a}" }, options["dependsOn"]);
        Assert.Equal(true, options["protect"]);
        Assert.Equal(new List<object?> { "length" }, options["ignoreChanges"]);
        Assert.Equal(new List<object?> { "result" }, options["additionalSecretOutputs"]);
        Assert.Equal(ProviderVersions.For("random"), options["version"]);
    }

    [Fact]
    public void Secret_and_to_json_render_as_pulumi_functions()
    {
        var program = new PulumiProgram("p", "d");
        var a = program.Add("c", new RandomString("a", new RandomStringArgs { Length = 4 }));
        program.Export("secret", a.Result.AsSecret());
        program.Export("json", new ToJsonExpression(new Dictionary<string, object> { ["k"] = a.Result }));

        var outputs = (Dictionary<string, object?>)YamlTree.ParseMap(ProgramWriter.ToYaml(program))["outputs"]!;

        Assert.Equal("${a.result}", ((Dictionary<string, object?>)outputs["secret"]!)["fn::secret"]);
        Assert.Equal("${a.result}", ((Dictionary<string, object?>)((Dictionary<string, object?>)outputs["json"]!)["fn::toJSON"]!)["k"]);
    }

    [Fact]
    public void Secret_config_is_declared_not_valued()
    {
        var program = new PulumiProgram("p", "d");
        var token = program.DeclareConfig<string>("apiToken", new ConfigDeclaration("string", Secret: true));
        program.Export("token", token);

        var tree = YamlTree.ParseMap(ProgramWriter.ToYaml(program) .Replace("resources: {}\n", ""));
        var declaration = (Dictionary<string, object?>)((Dictionary<string, object?>)tree["config"]!)["apiToken"]!;

        Assert.Equal(true, declaration["secret"]);
        Assert.False(declaration.ContainsKey("value"));
        Assert.Equal("${apiToken}", ((Dictionary<string, object?>)tree["outputs"]!)["token"]);
    }

    [Fact]
    public void Duplicate_resource_names_are_refused()
    {
        var program = new PulumiProgram("p", "d");
        program.Add("c", new RandomString("a", new RandomStringArgs { Length = 4 }));
        var error = Assert.Throws<InvalidOperationException>(() => program.Add("c", new RandomString("a", new RandomStringArgs { Length = 5 })));
        Assert.Equal("Resource name 'a' is declared twice.", error.Message);
    }

    [Fact]
    public void Program_without_a_stack_needs_exactly_the_packages_of_every_stack()
    {
        static IReadOnlyList<string> Packages(string yaml) =>
            ((Dictionary<string, object?>)YamlTree.ParseMap(yaml)["resources"]!).Values
                .Cast<Dictionary<string, object?>>()
                .Select(r =>
                {
                    var type = (string)r["type"]!;
                    var package = type.StartsWith("pulumi:providers:") ? type.Split(':')[2] : type.Split(':')[0];
                    return $"{package}@{((Dictionary<string, object?>)r["options"]!)["version"]}";
                })
                .Distinct().Order().ToList();

        var noStack = TestSupport.RunCli(["synth"]);
        Assert.Equal(0, noStack.ExitCode);
        var expected = Packages(noStack.Stdout);

        Assert.Equal(["aws@7.48.0", "azure-native@3.28.0", "random@4.21.2"], expected);
        foreach (var stack in TestSupport.StackNames)
        {
            Assert.Equal(expected, Packages(TestSupport.Synth(stack)));
        }
    }
}
