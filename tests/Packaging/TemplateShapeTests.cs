using Infra.Model;
using Infra.Stacks.Packaging;

namespace Infra.Tests.Packaging;

/// <summary>The fingerprint that finds an instance's template tells apart what the template's text tells apart.</summary>
public class TemplateShapeTests
{
    private static string Of(params (string Key, object? Value)[] entries) => TemplateShape.Of(Node.Map(entries));

    [Fact]
    public void The_same_tree_has_the_same_fingerprint_and_it_is_128_bits_of_hex()
    {
        Assert.Equal(Of(("a", "x"), ("b", 1)), Of(("a", "x"), ("b", 1)));
        Assert.Matches("^[0-9a-f]{32}$", Of(("a", "x")));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("true", true)]
    [InlineData("ab", "a")]
    [InlineData(1, 1.5)]
    public void Values_that_render_differently_differ(object left, object right) =>
        Assert.NotEqual(Of(("v", left)), Of(("v", right)));

    [Fact]
    public void Order_nesting_and_boundaries_count()
    {
        Assert.NotEqual(Of(("a", 1), ("b", 2)), Of(("b", 2), ("a", 1)));
        Assert.NotEqual(Of(("a", new List<object> { "x", "y" })), Of(("a", new List<object> { "xy" })));
        Assert.NotEqual(Of(("ab", "c")), Of(("a", "bc")));
        Assert.NotEqual(Of(("a", Node.Map(("b", "c")))), Of(("a", new List<object> { "b", "c" })));
    }
}
