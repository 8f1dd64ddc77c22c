namespace Infra.Tests.Stacks;

/// <summary>Descriptions are read by operators in the console: a tier's name must not stutter against the word for what it is.</summary>
public class ProgramWordingTests
{
    public static TheoryData<string> Stacks => new(TestSupport.StackNames);

    [Theory]
    [MemberData(nameof(Stacks))]
    public void No_description_says_collector_collector(string stack)
    {
        Assert.DoesNotContain("collector collector", TestSupport.Synth(stack), StringComparison.Ordinal);
    }
}
