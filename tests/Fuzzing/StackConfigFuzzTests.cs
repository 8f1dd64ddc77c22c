using CsCheck;

namespace Infra.Tests.Fuzzing;

/// <summary>
/// Property: every mutation of a valid stack file or PULUMI_CONFIG either synthesizes a program the evaluator
/// accepts, or is refused with one "error: " line naming the key (or the file, for a syntax error).
/// A failure prints a seed: set CsCheck_Seed to it to replay; CsCheck_Iter raises the count for a longer hunt.
/// </summary>
public sealed class StackConfigFuzzTests : IDisposable
{
    /// <summary>Enough to meet every mutation kind on every key a few times and stay within a few seconds.</summary>
    private const int Iterations = 150;

    private readonly string _scratch = Directory.CreateTempSubdirectory("infra-fuzz-").FullName;

    public static TheoryData<string> Stacks => new(TestSupport.StackNames);

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Mutated_stack_files_synthesize_or_name_what_is_wrong(string stack)
    {
        var text = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, $"Pulumi.{stack}.yaml"));

        StackFileMutations.Cases(text).Sample(c => CliContract.HoldsForStackFile(c, _scratch), iter: IterationCount(), print: c => c.ToString());
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Mutated_pulumi_config_synthesizes_or_names_what_is_wrong(string stack)
    {
        var originals = StackFileMutations.Originals(File.ReadAllText(Path.Combine(TestSupport.RepoRoot, $"Pulumi.{stack}.yaml")));

        PulumiConfigMutations.Cases(originals).Sample(c => CliContract.HoldsForPulumiConfig(c, _scratch), iter: IterationCount(), print: c => c.ToString());
    }

    /// <summary>The mutator must see every key the loader reads, or a new key would go unfuzzed.</summary>
    [Theory]
    [MemberData(nameof(Stacks))]
    public void The_chunked_stack_file_renders_back_and_holds_every_key(string stack)
    {
        var text = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, $"Pulumi.{stack}.yaml"));
        var document = StackFileDocument.Parse(text);

        Assert.Equal(text, document.Render());
        Assert.Equal(Infra.Settings.StackConfigLoader.FromStackFile(TestSupport.RepoRoot, stack).Values.Keys.Order(), document.Keys.Order());
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    /// <summary>CsCheck_Iter in the environment overrides the default, as for CsCheck's own defaults.</summary>
    private static long IterationCount() =>
        Environment.GetEnvironmentVariable("CsCheck_Iter") is { Length: > 0 } ? Check.Iter : Iterations;
}
