namespace Infra.Tests;

/// <summary>
/// The synthesized programs are checked in, so review shows every change to what we deploy.
/// After an intended change, rewrite them: UPDATE_GOLDEN=1 dotnet test
/// </summary>
public class GoldenFileTests
{
    public static TheoryData<string> Stacks => new(TestSupport.StackNames);

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Synthesized_program_matches_the_golden_file(string stack)
    {
        var path = Path.Combine(TestSupport.RepoRoot, "tests", "golden", $"{stack}.yaml");
        var actual = TestSupport.Synth(stack);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }
        Assert.True(File.Exists(path), $"{path} is missing; create it with UPDATE_GOLDEN=1 dotnet test.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
