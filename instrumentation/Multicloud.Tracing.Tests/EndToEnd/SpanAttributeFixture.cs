using System.Text.Json;
using System.Text.Json.Nodes;
using OpenTelemetry.Proto.Common.V1;

namespace Multicloud.Tracing.Tests.EndToEnd;

/// <summary>
/// The HTTP span attributes the kit's instrumentation really emits, as captured from the wire, stored
/// where the collector's Azure-mapping tests read them (tests/fixtures). Keys are compared; values are
/// examples (ports and IDs vary per run). UPDATE_GOLDEN=1 rewrites the file.
/// </summary>
public static class SpanAttributeFixture
{
    public static string Path => System.IO.Path.Combine(RepositoryRoot(), "tests", "fixtures", "dotnet-http-span-attributes.json");

    public static JsonObject ToJson(IReadOnlyDictionary<string, IEnumerable<KeyValue>> attributesByKind)
    {
        var root = new JsonObject();
        foreach (var (kind, attributes) in attributesByKind.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var span = new JsonObject();
            foreach (var attribute in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                span[attribute.Key] = Value(attribute.Value);
            }
            root[kind] = span;
        }
        return root;
    }

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Keys(JsonObject fixture) =>
        fixture.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value!.AsObject().Select(a => a.Key).ToList());

    private static JsonNode? Value(AnyValue value) => value.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => JsonValue.Create(value.StringValue),
        AnyValue.ValueOneofCase.IntValue => JsonValue.Create(value.IntValue),
        AnyValue.ValueOneofCase.BoolValue => JsonValue.Create(value.BoolValue),
        AnyValue.ValueOneofCase.DoubleValue => JsonValue.Create(value.DoubleValue),
        _ => JsonValue.Create(value.ToString()),
    };

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "otel-multicloud.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new DirectoryNotFoundException($"No otel-multicloud.slnx above {AppContext.BaseDirectory}.");
    }

    public static string Serialize(JsonObject fixture) =>
        fixture.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

}
