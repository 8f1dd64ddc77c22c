using System.Collections;
using Infra.Settings;
using Infra.Tests.Evaluation;

namespace Infra.Tests.Fuzzing;

/// <summary>
/// What the CLI promises for any input: it synthesizes a program the evaluator accepts, or it exits 2 with
/// one "error: " line that names the offending key (or the file, for a syntax error), nothing on stdout,
/// and no stack trace.
/// </summary>
public static class CliContract
{
    /// <summary>Runs synth on a stack file in a scratch project directory (a fresh stack name per case, so cases can run in parallel).</summary>
    public static void HoldsForStackFile(FuzzCase fuzzCase, string scratchDirectory)
    {
        var stack = $"fuzz-{Guid.NewGuid():N}"[..20];
        var fileName = $"Pulumi.{stack}.yaml";
        var path = Path.Combine(scratchDirectory, fileName);
        File.WriteAllText(path, fuzzCase.Input);
        try
        {
            var result = TestSupport.RunCli(["synth", "--stack", stack, "--flat"], projectDirectory: scratchDirectory);
            Holds(fuzzCase, result, fileName, "is not valid YAML", () => StackConfigLoader.FromStackFile(scratchDirectory, stack), stack);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Runs synth as the engine does: PULUMI_STACK and PULUMI_CONFIG set, no stack file to fall back on.</summary>
    public static void HoldsForPulumiConfig(FuzzCase fuzzCase, string emptyProjectDirectory)
    {
        const string stack = "fuzz";
        var environment = new Dictionary<string, string> { ["PULUMI_STACK"] = stack, ["PULUMI_CONFIG"] = fuzzCase.Input };
        var result = TestSupport.RunCli(["synth", "--flat"], environment, emptyProjectDirectory);
        Holds(fuzzCase, result, "PULUMI_CONFIG", "PULUMI_CONFIG is not a JSON object", () => StackConfigLoader.FromPulumiConfigJson(fuzzCase.Input), stack);
    }

    private static void Holds(FuzzCase fuzzCase, TestSupport.CliResult result, string source, string syntaxErrorMarker, Func<StackConfig> reload, string stack)
    {
        if (result.ExitCode == 0)
        {
            Assert.False(fuzzCase.MustRefuse, $"Accepted an input it must refuse; stdout starts: {Head(result.Stdout)}");
            Assert.Equal("", result.Stderr);
            new ProgramEvaluator(FakeCloud.Create().Object).Evaluate(result.Stdout);
            AssertCanonical(StackSettingsReader.Read(stack, reload()), "settings");
            AssertComponentsExpandToFlat(result.Stdout, stack, reload());
            return;
        }

        Assert.True(result.ExitCode == Cli.UserErrorExitCode, $"Exit code {result.ExitCode}, stderr: {Head(result.Stderr)}");
        Assert.Equal("", result.Stdout);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.DoesNotContain("Exception", result.Stderr);
        Assert.StartsWith("error: ", result.Stderr);
        Assert.EndsWith("\n", result.Stderr);
        Assert.True(result.Stderr.Count(c => c == '\n') == 1, $"More than one line on stderr: {Head(result.Stderr)}");
        Assert.True(result.Stderr.Length < 2_000, $"An error line of {result.Stderr.Length} characters: {Head(result.Stderr)}");
        Assert.Contains(source, result.Stderr);
        var namesKey = fuzzCase.Blamed.Any(key => result.Stderr.Contains(UserError.Show(key), StringComparison.Ordinal));
        var isSyntaxError = fuzzCase.SyntaxErrorAllowed && result.Stderr.Contains(syntaxErrorMarker, StringComparison.Ordinal);
        Assert.True(namesKey || isSyntaxError, $"The error names none of [{string.Join(", ", fuzzCase.Blamed)}]{(fuzzCase.SyntaxErrorAllowed ? " and is no syntax error" : "")}: {Head(result.Stderr)}");
    }

    /// <summary>
    /// Whatever shape the accepted settings give the stack, its components lift into templates (a package made for this
    /// stack alone) whose instances expand back to the flat program: the lifter holds beyond the committed stacks.
    /// </summary>
    private static void AssertComponentsExpandToFlat(string flatYaml, string stack, StackConfig config)
    {
        var program = Infra.Stacks.ObservabilityStack.Build(Infra.Stacks.Synthesizer.ReadChecked(stack, config)).Program;
        var package = Infra.Stacks.Packaging.ComponentPackage.Generate(
            [(stack, Infra.Stacks.Packaging.ComponentLifting.Lift(program).Instances)], new Infra.Stacks.Packaging.ComponentPackage(new Dictionary<string, string>()), out _);
        var componentYaml = Infra.Model.ProgramWriter.Serialize(Infra.Stacks.Packaging.ComponentProgram.ToTree(program, package));
        ComponentRoundTrip.AssertExpandsToFlat(flatYaml, componentYaml, package.Files, $"stack {stack}");
    }

    /// <summary>Accepted text settings are printable ASCII with no surrounding whitespace: region names, ids, CIDRs, ARNs.</summary>
    private static void AssertCanonical(object? value, string path)
    {
        switch (value)
        {
            // A setting (a tier's keys) is the key table's own description, not an accepted value.
            case null or bool or int or double or Enum or Setting:
                return;
            case string text:
                Assert.True(text.All(c => c is > ' ' and < '\u007f'), $"Accepted {path} = {ConfigValue.Quoted(text)}, which is not plain printable ASCII.");
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    AssertCanonical(entry.Value, $"{path}[{entry.Key}]");
                }
                return;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    AssertCanonical(item, $"{path}[{index++}]");
                }
                return;
            default:
                foreach (var property in value.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
                {
                    AssertCanonical(property.GetValue(value), $"{path}.{property.Name}");
                }
                return;
        }
    }

    private static string Head(string text) => text.Length > 500 ? text[..500] + "…" : text;
}
