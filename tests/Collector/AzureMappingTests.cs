using System.Text.Json;
using Infra.Collector;

namespace Infra.Tests.Collector;

/// <summary>
/// The Azure-bound transform against the span attributes OpenTelemetry .NET really emits (captured on
/// the wire by the kit's end-to-end test into tests/fixtures) and against older instrumentations.
/// </summary>
public class AzureMappingTests
{
    private static Dictionary<string, object?> Captured(string kind)
    {
        using var fixture = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "tests", "fixtures", "dotnet-http-span-attributes.json")));
        return fixture.RootElement.GetProperty(kind).EnumerateObject().ToDictionary(
            a => a.Name,
            a => a.Value.ValueKind == JsonValueKind.Number ? (object?)a.Value.GetInt64() : a.Value.GetString(),
            StringComparer.Ordinal);
    }

    private static Dictionary<string, object?> Transformed(Dictionary<string, object?> attributes, string kind)
    {
        var copy = new Dictionary<string, object?>(attributes, StringComparer.Ordinal);
        foreach (var statement in AzureMapping.Statements)
        {
            statement.Apply(copy, kind);
        }
        return copy;
    }

    [Theory]
    [InlineData(AzureMapping.Server)]
    [InlineData(AzureMapping.Client)]
    public void Every_attribute_the_exporter_reads_is_present_after_the_transform(string kind)
    {
        var after = Transformed(Captured(kind), kind);
        Assert.All(AzureMapping.ReadByExporter[kind], attribute => Assert.True(after.ContainsKey(attribute), $"{kind} span lacks {attribute} after the transform"));
    }

    [Fact]
    public void Without_the_transform_an_httpclient_dependency_would_be_named_only_by_its_method()
    {
        var client = Captured(AzureMapping.Client);
        Assert.False(client.ContainsKey("http.route"));
        Assert.Equal(new Uri((string)client["url.full"]!).AbsolutePath, Transformed(client, AzureMapping.Client)["http.route"]);
    }

    [Fact]
    public void Server_spans_of_dotnet_are_left_as_they_are()
    {
        var server = Captured(AzureMapping.Server);
        Assert.Equal(server, Transformed(server, AzureMapping.Server));
    }

    [Fact]
    public void Spans_with_legacy_names_get_the_current_ones_the_exporter_reads()
    {
        var legacy = new Dictionary<string, object?>
        {
            ["http.method"] = "GET",
            ["http.status_code"] = 503L,
            ["http.url"] = "https://api.example.com/orders/7",
            ["net.peer.name"] = "api.example.com",
        };
        var after = Transformed(legacy, AzureMapping.Client);

        Assert.Equal("GET", after["http.request.method"]);
        Assert.Equal(503L, after["http.response.status_code"]);
        Assert.Equal("https://api.example.com/orders/7", after["url.full"]);
        Assert.Equal("api.example.com", after["server.address"]);
        Assert.Equal("/orders/7", after["http.route"]);
        Assert.All(AzureMapping.ReadByExporter[AzureMapping.Client], attribute => Assert.True(after.ContainsKey(attribute), attribute));
    }

    [Fact]
    public void A_database_dependency_gets_its_target_from_the_server_side_and_a_present_value_is_never_overwritten()
    {
        var database = new Dictionary<string, object?> { ["db.system.name"] = "postgresql", ["server.address"] = "db.internal", ["server.port"] = 5432L };
        var after = Transformed(database, AzureMapping.Client);
        Assert.Equal("db.internal", after["client.address"]);
        Assert.Equal(5432L, after["client.port"]);

        var withClient = new Dictionary<string, object?>(database) { ["client.address"] = "10.0.0.7" };
        Assert.Equal("10.0.0.7", Transformed(withClient, AzureMapping.Client)["client.address"]);
        Assert.False(Transformed(database, AzureMapping.Server).ContainsKey("client.address"));
    }
}
