namespace Infra.Tests.Stacks;

/// <summary>
/// The synthesized programs are checked in, so review shows every change to what we deploy.
/// After an intended change, rewrite them: UPDATE_GOLDEN=1 dotnet test
/// </summary>
public class GoldenFileTests
{
    public static TheoryData<string> Stacks => new(TestSupport.StackNames);

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Synthesized_program_matches_the_golden_file(string stack) =>
        AssertGolden($"{stack}.yaml", TestSupport.Synth(stack));

    /// <summary>The program the engine gets with components: instances of the package's templates (the flat file above is what they expand to).</summary>
    [Theory]
    [MemberData(nameof(Stacks))]
    public void Component_program_matches_the_golden_file(string stack)
    {
        var result = TestSupport.RunCli(["synth", "--stack", stack]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        AssertGolden($"{stack}.components.yaml", result.Stdout);
    }

    /// <summary>The pull-request summary: resources by component, capacity, and cost with and without sampling.</summary>
    [Theory]
    [MemberData(nameof(Stacks))]
    public void Markdown_plan_matches_the_golden_file(string stack)
    {
        var result = TestSupport.RunCli(["plan", "--stack", stack, "--format", "markdown"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        AssertGolden($"{stack}.plan.md", result.Stdout);
    }

    private static void AssertGolden(string file, string actual)
    {
        var path = Path.Combine(TestSupport.RepoRoot, "tests", "golden", file);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }
        Assert.True(File.Exists(path), $"{path} is missing; create it with UPDATE_GOLDEN=1 dotnet test.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
