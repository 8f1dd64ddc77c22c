using Infra.Model;

namespace Infra.Tests;

/// <summary>The README's list of the preview role's permissions follows the invokes the stacks really make.</summary>
public class PreviewPermissionTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "README.md"));

    private static IReadOnlySet<string> InvokedFunctions() =>
        TestSupport.StackNames.SelectMany(stack => Invokes(YamlTree.ParseMap(TestSupport.Synth(stack)))).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> Invokes(object? node) => node switch
    {
        Dictionary<string, object?> map when map.TryGetValue("fn::invoke", out var call) && call is Dictionary<string, object?> invoke =>
            [(string)invoke["function"]!, .. Invokes(invoke.GetValueOrDefault("arguments"))],
        Dictionary<string, object?> map => map.Values.SelectMany(Invokes),
        List<object?> list => list.SelectMany(Invokes),
        _ => [],
    };

    [Fact]
    public void Every_invoke_of_every_stack_has_its_permissions_in_the_readme()
    {
        var invoked = InvokedFunctions();
        Assert.NotEmpty(invoked);
        foreach (var function in invoked)
        {
            var entry = InvokeReadPermissions.For(function);
            Assert.Contains($"| `{function}` | {entry.PermissionsCell} | {entry.Source} |", Readme);
        }
    }

    [Fact]
    public void The_table_lists_no_invoke_that_no_stack_makes()
    {
        Assert.Equal(InvokeReadPermissions.ByFunction.Keys.Order(StringComparer.Ordinal), InvokedFunctions().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_invoke_without_listed_permissions_cannot_be_built()
    {
        var error = Assert.Throws<InvalidOperationException>(() => InvokeExpression.Of<string>("aws:ec2:getVpc", new Dictionary<string, object>(), "id"));
        Assert.Contains("aws:ec2:getVpc", error.Message);
    }
}
