using Infra.Model;

namespace Infra.Tests.Model;

/// <summary>An empty list keeps the item type its model declares, when that is a scalar a template input can carry.</summary>
public class EmptyScalarListTests
{
    private sealed record Rule(string Value);

    [Fact]
    public void Empty_lists_of_scalars_render_as_typed_empty_lists()
    {
        Assert.Equal("string", Assert.IsType<EmptyScalarList>(Node.From(new List<string>())).ItemType);
        Assert.Equal("string", Assert.IsType<EmptyScalarList>(Node.From(Array.Empty<Input<string>>())).ItemType);
        Assert.Equal("string", Assert.IsType<EmptyScalarList>(Node.From((IReadOnlyList<Output<string>>)[])).ItemType);
        Assert.Equal("integer", Assert.IsType<EmptyScalarList>(Node.From(new int[0])).ItemType);
        Assert.Equal("boolean", Assert.IsType<EmptyScalarList>(Node.From(new List<bool>())).ItemType);
    }

    [Fact]
    public void Empty_lists_of_records_and_full_lists_stay_plain()
    {
        Assert.IsNotType<EmptyScalarList>(Node.From(new List<Rule>()));
        Assert.Equal(new List<object> { "a" }, Assert.IsType<List<object>>(Node.From(new List<string> { "a" })));
        Assert.Equal("[]\n", YamlText.Write(Node.From(new List<string>()), _ => null));
    }
}
