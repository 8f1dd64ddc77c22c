using Infra.Model;
using Infra.Model.Random;

namespace Infra.Tests.Model;

/// <summary>The one walk from typed values to trees, under the program's and the collector's conventions.</summary>
public class NodeTests
{
    private record Base(string FirstKey);

    private sealed record Derived(string FirstKey, int NumTraces, string? LeftOut = null, [property: WireName("Exact")] string Renamed = "r") : Base(FirstKey)
    {
        public IReadOnlyList<string?> Items { get; init; } = ["a", null, "b"];
    }

    [Fact]
    public void The_collector_convention_writes_snake_case_keys_in_declaration_order_and_leaves_nulls_out()
    {
        var tree = (IDictionary<string, object>)Node.From(new Derived("x", 3), TreeConvention.CollectorConfig);

        Assert.Equal(["first_key", "num_traces", "Exact", "items"], tree.Keys);
        Assert.Equal(3, tree["num_traces"]);
        Assert.Equal(["a", "b"], (List<object>)tree["items"]);
    }

    [Fact]
    public void The_program_convention_writes_camel_case_keys_and_the_same_wire_names()
    {
        var tree = (IDictionary<string, object>)Node.From(new Derived("x", 3));

        Assert.Equal(["firstKey", "numTraces", "Exact", "items"], tree.Keys);
    }

    [Fact]
    public void Only_the_program_escapes_literal_dollars()
    {
        var values = new Dictionary<string, object> { ["token"] = "${env:TOKEN}" };

        Assert.Equal("$${env:TOKEN}", ((IDictionary<string, object>)Node.From(values))["token"]);
        Assert.Equal("${env:TOKEN}", ((IDictionary<string, object>)Node.From(values, TreeConvention.CollectorConfig))["token"]);
    }

    [Fact]
    public void A_deploy_time_value_cannot_be_written_into_a_collector_config()
    {
        var program = new PulumiProgram("p", "d");
        var random = program.Add("c", new RandomString("a", new RandomStringArgs { Length = 4 }));
        var values = new Dictionary<string, object> { ["endpoint"] = random.Result };

        Assert.Equal("${a.result}", ((IDictionary<string, object>)Node.From(values))["endpoint"]);
        Assert.Throws<ArgumentException>(() => Node.From(values, TreeConvention.CollectorConfig));
    }
}
