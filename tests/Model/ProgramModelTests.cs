using Infra.Model;
using Infra.Model.Random;
using Infra.Tests.Evaluation;

namespace Infra.Tests.Model;

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

    [Theory]
    [InlineData("a$", "a$$${a.result}")]
    [InlineData("$$", "$$$$${a.result}")]
    [InlineData("$${env:X}", "$$$${env:X}${a.result}")]
    [InlineData("cost: 5$ ", "cost: 5$$ ${a.result}")]
    public void Every_literal_dollar_is_doubled(string literal, string expected)
    {
        var program = new PulumiProgram("p", "d");
        var a = program.Add("c", new RandomString("a", new RandomStringArgs { Length = 4 }));
        program.Export("value", Interpolation.Of(literal, a.Result));

        var outputs = (Dictionary<string, object?>)YamlTree.ParseMap(ProgramWriter.ToYaml(program))["outputs"]!;

        Assert.Equal(expected, outputs["value"]);
    }

    /// <summary>Every string up to 6 characters over the characters that matter reads back as written.</summary>
    [Fact]
    public void Escaping_is_lossless_for_every_short_string_of_dollars_and_braces()
    {
        const string alphabet = "${}a";
        var strings = new List<string> { "" };
        for (var length = 1; length <= 6; length++)
        {
            strings.AddRange(strings.Where(s => s.Length == length - 1).SelectMany(s => alphabet.Select(c => s + c)).ToList());
        }
        foreach (var literal in strings)
        {
            var parts = InterpolationParser.Parse(Literal.Escape(literal));
            Assert.True(parts.All(p => p.Reference is null), $"'{literal}' escaped as '{Literal.Escape(literal)}' reads back with a reference");
            Assert.Equal(literal, string.Concat(parts.Select(p => p.Text)));
        }
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
                    return $"{package}@{(r.GetValueOrDefault("options") as Dictionary<string, object?>)?.GetValueOrDefault("version") ?? "project"}";
                })
                .Distinct().Order().ToList();

        var noStack = TestSupport.RunCli(["synth"]);
        Assert.Equal(0, noStack.ExitCode);
        var expected = Packages(noStack.Stdout);

        Assert.Equal(["aws@7.48.0", "azure-native@3.28.0", "otel@project", "random@4.21.2"], expected);
        foreach (var stack in TestSupport.StackNames)
        {
            // The flat program uses the providers; the component program uses the component package, whose templates use them.
            Assert.Equal(expected.Where(p => !p.StartsWith("otel@")), Packages(TestSupport.Synth(stack)));
            Assert.Equal(["otel@project"], Packages(TestSupport.SynthComponents(stack)));
        }
    }
}
