using Infra.Tests.Evaluation;

namespace Infra.Tests;

/// <summary>Runs the real command line in-process against the repository's stack files.</summary>
public static class TestSupport
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static IReadOnlyList<string> StackNames => Infra.Settings.StackConfigLoader.KnownStacks(RepoRoot);

    public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

    public static CliResult RunCli(string[] args, IReadOnlyDictionary<string, string>? environment = null, string? projectDirectory = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = Cli.Run(args, stdout, stderr, key => environment is not null && environment.TryGetValue(key, out var v) ? v : null, projectDirectory ?? RepoRoot);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    public static string Synth(string stack)
    {
        var result = RunCli(["synth", "--stack", stack, "--flat"]);
        Assert.True(result.ExitCode == 0, $"synth --stack {stack} failed: {result.Stderr}");
        return result.Stdout;
    }

    /// <summary>What the engine gets: the component program, instances of the package's templates.</summary>
    public static string SynthComponents(string stack)
    {
        var result = RunCli(["synth", "--stack", stack]);
        Assert.True(result.ExitCode == 0, $"synth --stack {stack} failed: {result.Stderr}");
        return result.Stdout;
    }

    /// <summary>
    /// What the engine runs for a committed stack, evaluated: the component program, each instance expanded with its
    /// committed template as pulumi-yaml does (secret inputs kept secret), its children under the names they have in
    /// the flat program so every test can find them (<see cref="Packaging.ExpansionTests"/> proves the two the same).
    /// </summary>
    public static EvaluatedProgram Evaluate(string stack) => new ProgramEvaluator(FakeCloud.Create().Object).Evaluate(
        new ComponentExpander(Infra.Stacks.Packaging.ComponentPackage.Read(RepoRoot).Files) { ChildName = FlatName }.ExpandForEvaluation(SynthComponents(stack)));

    /// <summary>A child's name in the flat program: its name in its template, or its instance's for a repeated resource's only child.</summary>
    public static string FlatName(string instance, string child) => child == Infra.Stacks.Packaging.ComponentLifting.RepeatedChild ? instance : child;

    /// <summary>A checked-in stack with some keys changed (see <see cref="StackFileWith"/>), synthesized and evaluated.</summary>
    public static EvaluatedProgram EvaluateVariant(string stack, params (string Key, string? Value)[] changes)
    {
        var result = RunCli(["synth", "--stack", stack, "--flat"], projectDirectory: StackDirectoryWith(stack, StackFileWith(stack, changes)));
        Assert.True(result.ExitCode == 0, $"synth --stack {stack} (changed) failed: {result.Stderr}");
        return new ProgramEvaluator(FakeCloud.Create().Object).Evaluate(result.Stdout);
    }

    /// <summary>A checked-in stack with some keys changed, refused: its one error line.</summary>
    public static string RefusedVariant(string stack, params (string Key, string? Value)[] changes)
    {
        var result = RunCli(["synth", "--stack", stack, "--flat"], projectDirectory: StackDirectoryWith(stack, StackFileWith(stack, changes)));
        Assert.True(result.ExitCode == 2, $"expected a refusal, got exit {result.ExitCode}: {result.Stderr}");
        return result.Stderr;
    }

    /// <summary>A scratch project directory holding one stack file, for bad-input tests.</summary>
    public static string StackDirectoryWith(string stack, string stackFileYaml)
    {
        var directory = Directory.CreateTempSubdirectory("infra-tests-").FullName;
        File.WriteAllText(Path.Combine(directory, $"Pulumi.{stack}.yaml"), stackFileYaml);
        return directory;
    }

    /// <summary>
    /// The dev stack file with some keys replaced (a null value removes the key), to break exactly one
    /// thing. Replacement values are YAML fragments written as given; kept values are re-emitted as JSON.
    /// </summary>
    public static string DevStackWith(params (string Key, string? Value)[] changes) => StackFileWith("dev", changes);

    /// <summary>As <see cref="DevStackWith"/>, from any checked-in stack file.</summary>
    public static string StackFileWith(string stack, params (string Key, string? Value)[] changes)
    {
        var values = Infra.Settings.StackConfigLoader.FromStackFile(RepoRoot, stack).Values
            .ToDictionary(e => e.Key, e => e.Value is ['[' or '{', ..] ? e.Value : System.Text.Json.JsonSerializer.Serialize(e.Value));
        foreach (var (key, value) in changes)
        {
            values.Remove(key);
            if (value is not null)
            {
                values[key] = value;
            }
        }
        return "config:\n" + string.Concat(values.Select(e => $"  {e.Key}: {e.Value}\n"));
    }

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Infra.csproj")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Infra.csproj not found above the test binaries.");
    }
}
