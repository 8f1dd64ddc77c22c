using System.Text.Json;
using Infra.Model;
using Infra.Settings;

namespace Infra.Tests;

/// <summary>The engine's hot path avoids the JSON serializer; these hold it to what the serializer did.</summary>
public class StartupPathTests
{
    [Fact]
    public void Json_text_of_a_yaml_tree_is_what_the_serializer_writes()
    {
        var tree = YamlTree.ParseMap("""
            list: [1, -2.5, 1e300, true, false, null, "7", 'quoted']
            map: { "a b": x, "<html>&'+": y }
            text: "é ü 中 \t tab \" quote \\ backslash 😀"
            nested: [[{deep: [1, {deeper: ok}]}], []]
            empty: {}
            """);

        Assert.Equal(JsonSerializer.Serialize(tree), JsonText.From(tree));
    }

    [Theory]
    [InlineData("[1]", "array")]
    [InlineData("\"text\"", "string")]
    [InlineData("42", "number")]
    public void Pulumi_config_that_is_not_an_object_is_a_user_error_naming_what_it_is(string json, string kind)
    {
        var error = Assert.Throws<UserError>(() => StackConfigLoader.FromPulumiConfigJson(json));
        Assert.Equal($"PULUMI_CONFIG is not a JSON object of \"project:key\": \"value\" strings (it is a JSON {kind}).", error.Message);
    }

    [Fact]
    public void Pulumi_config_keeps_strings_as_text_and_other_values_as_their_json()
    {
        var config = StackConfigLoader.FromPulumiConfigJson("""{"p:a": "x", "p:b": [1, {"c": true}], "p:n": 5}""");

        Assert.Equal(new Dictionary<string, string?> { ["p:a"] = "x", ["p:b"] = """[1, {"c": true}]""", ["p:n"] = "5" }, config.Values);
    }

    [Theory]
    [InlineData(false, false)] // plugin discovery
    [InlineData(true, true)] // a stack run
    [InlineData(true, false)] // config without a stack: a user error
    public void The_engines_call_without_options_gives_what_the_parsed_command_line_gives(bool withConfig, bool withStack)
    {
        var environment = new Dictionary<string, string>();
        if (withConfig)
        {
            environment["PULUMI_CONFIG"] = JsonSerializer.Serialize(StackConfigLoader.FromStackFile(TestSupport.RepoRoot, "prod").Values);
        }
        if (withStack)
        {
            environment["PULUMI_STACK"] = "prod";
        }
        var outFile = Path.GetTempFileName();

        var direct = TestSupport.RunCli(["synth"], environment);
        var parsed = TestSupport.RunCli(["synth", "--out", outFile], environment);

        Assert.Equal(parsed.ExitCode, direct.ExitCode);
        Assert.Equal(parsed.Stderr, direct.Stderr);
        Assert.Equal(parsed.ExitCode == 0 ? File.ReadAllText(outFile) : "", direct.Stdout);
        Assert.Equal(withConfig == withStack ? 0 : Cli.UserErrorExitCode, direct.ExitCode);
    }

    [Fact]
    public void The_warm_up_runs_without_failing_and_its_collector_config_passes_the_checks()
    {
        // It runs on a background thread, where an exception would end the synth's process; its collector config
        // goes through EnsureValid, which throws on any problem the checks find.
        Assert.Null(Record.Exception(Warmup.Run));
    }

    [Fact]
    public void Pulumi_config_null_is_an_empty_config()
    {
        Assert.Empty(StackConfigLoader.FromPulumiConfigJson("null").Values);
    }
}
