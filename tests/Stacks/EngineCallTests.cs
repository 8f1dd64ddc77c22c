using System.Text.Json;
using Infra.Settings;

namespace Infra.Tests.Stacks;

/// <summary>
/// How synth answers each way it can be called: by the engine for plugin discovery (no config), by the
/// engine for a stack run (PULUMI_STACK + PULUMI_CONFIG), by a person (--stack), and with a
/// PULUMI_STACK exported in the user's shell, which overrides the engine's own value.
/// </summary>
public class EngineCallTests
{
    public enum Outcome { PluginManifest, DevFromEngineConfig, DevFromStackFile, ConfigWithoutStack, ShellStackMismatch }

    private const string EngineOnlyCertificate = "arn:aws:acm:eu-west-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    /// <summary>The dev stack's config as the engine would pass it, plus a certificate (and the name it covers) the file lacks, to tell the two sources apart.</summary>
    private static string DevEngineConfig()
    {
        var values = StackConfigLoader.FromStackFile(TestSupport.RepoRoot, "dev").Values.ToDictionary(e => e.Key, e => e.Value);
        values["otel-multicloud:certificateArn"] = EngineOnlyCertificate;
        values["otel-multicloud:ingressHostName"] = "otlp.dev.example.com";
        return JsonSerializer.Serialize(values);
    }

    public static TheoryData<string?, string?, bool, Outcome> Calls => new()
    {
        // flag, PULUMI_STACK, PULUMI_CONFIG present, outcome
        { null, null, false, Outcome.PluginManifest },
        { null, "dev", false, Outcome.PluginManifest },
        { null, "prod", false, Outcome.PluginManifest },
        { null, null, true, Outcome.ConfigWithoutStack },
        { null, "dev", true, Outcome.DevFromEngineConfig },
        { null, "prod", true, Outcome.ShellStackMismatch },
        { "dev", null, false, Outcome.DevFromStackFile },
        { "dev", "dev", false, Outcome.DevFromStackFile },
        { "dev", "prod", false, Outcome.DevFromStackFile },
        { "dev", null, true, Outcome.DevFromStackFile },
        { "dev", "dev", true, Outcome.DevFromEngineConfig },
        { "dev", "prod", true, Outcome.DevFromStackFile },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public void Synth_answers_each_combination_of_flag_stack_and_config(string? flag, string? stackVariable, bool configPresent, Outcome outcome)
    {
        var environment = new Dictionary<string, string>();
        if (stackVariable is not null)
        {
            environment[Synthesizer.StackVariable] = stackVariable;
        }
        if (configPresent)
        {
            environment[Synthesizer.ConfigVariable] = DevEngineConfig();
        }
        // Flat: the engine-only certificate changes the load balancer's resources, a shape the package does not hold.
        var result = TestSupport.RunCli(flag is null ? ["synth", "--flat"] : ["synth", "--stack", flag, "--flat"], environment);

        switch (outcome)
        {
            case Outcome.PluginManifest:
                Assert.Equal(0, result.ExitCode);
                Assert.Contains("type: pulumi:providers:aws", result.Stdout);
                Assert.DoesNotContain("aws:ecs:Service", result.Stdout);
                break;
            case Outcome.DevFromEngineConfig or Outcome.DevFromStackFile:
                Assert.True(result.ExitCode == 0, result.Stderr);
                Assert.Contains("rg-otel-dev-", result.Stdout);
                Assert.Equal(outcome == Outcome.DevFromEngineConfig, result.Stdout.Contains(EngineOnlyCertificate, StringComparison.Ordinal));
                break;
            case Outcome.ConfigWithoutStack:
                AssertUserError(result, "error: PULUMI_CONFIG is set but PULUMI_STACK is not: the engine sets both for a stack run. Run 'pulumi up --stack NAME', or pass --stack NAME.\n");
                break;
            case Outcome.ShellStackMismatch:
                AssertUserError(result, "error: PULUMI_STACK is 'prod', but the engine's config (PULUMI_CONFIG) differs from Pulumi.prod.yaml at aws:region: the engine is running another stack, and a PULUMI_STACK exported in your shell overrides the engine's. Run 'unset PULUMI_STACK' and choose the stack with 'pulumi up --stack NAME'.\n".Replace("aws:region", FirstDifferingKey(), StringComparison.Ordinal));
                break;
        }
    }

    [Fact]
    public void Engine_config_that_formats_lists_and_numbers_differently_still_matches_its_stack_file()
    {
        var values = StackConfigLoader.FromStackFile(TestSupport.RepoRoot, "dev").Values.ToDictionary(e => e.Key, e => e.Value);
        // The engine may re-indent JSON lists and write numbers in another form.
        values["otel-multicloud:ingressCidrs"] = JsonSerializer.Serialize(JsonSerializer.Deserialize<JsonElement>(values["otel-multicloud:ingressCidrs"]!), new JsonSerializerOptions { WriteIndented = true });
        values["otel-multicloud:samplingPercentage"] = double.Parse(values["otel-multicloud:samplingPercentage"]!, System.Globalization.CultureInfo.InvariantCulture).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        var result = TestSupport.RunCli(["synth"], new Dictionary<string, string>
        {
            [Synthesizer.StackVariable] = "dev",
            [Synthesizer.ConfigVariable] = JsonSerializer.Serialize(values),
        });

        Assert.True(result.ExitCode == 0, result.Stderr);
    }

    /// <summary>The engine's own call (no flags) with a committed stack's config: the component program, as `synth --stack` writes it.</summary>
    [Fact]
    public void The_engines_call_gets_the_component_program()
    {
        var values = StackConfigLoader.FromStackFile(TestSupport.RepoRoot, "dev").Values.ToDictionary(e => e.Key, e => e.Value);
        var result = TestSupport.RunCli(["synth"], new Dictionary<string, string>
        {
            [Synthesizer.StackVariable] = "dev",
            [Synthesizer.ConfigVariable] = JsonSerializer.Serialize(values),
        });

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(TestSupport.SynthComponents("dev"), result.Stdout);
        Assert.Contains("type: otel:index:CollectorTier", result.Stdout);
        Assert.DoesNotContain("type: aws:ecs:Service", result.Stdout);
    }

    /// <summary>The first key (in the file's order) where Pulumi.prod.yaml and the dev config disagree.</summary>
    private static string FirstDifferingKey()
    {
        var dev = StackConfigLoader.FromStackFile(TestSupport.RepoRoot, "dev").Values;
        return StackConfigLoader.FromStackFile(TestSupport.RepoRoot, "prod").Values
            .First(e => !dev.TryGetValue(e.Key, out var devText) || devText != e.Value).Key;
    }

    private static void AssertUserError(TestSupport.CliResult result, string expectedStderr)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(expectedStderr, result.Stderr);
    }
}
