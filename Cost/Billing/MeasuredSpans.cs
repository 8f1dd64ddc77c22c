namespace Infra.Cost.Billing;

/// <summary>
/// The spans the tracing kit's end-to-end test captures on the wire (instrumentation/Multicloud.Tracing.Tests/EndToEnd,
/// written to tests/fixtures/dotnet-http-span-attributes.json, which a test holds these attributes to): an ASP.NET Core
/// server span and an HttpClient client span with their OpenTelemetry .NET 1.20 attributes, the kit's resource
/// (instrumentation/Multicloud.Tracing/TracingResource.cs, plus the SDK's telemetry.sdk.*) and the instrumentations'
/// ActivitySource names as scope. IDs, times and values are examples of the captured shapes.
/// </summary>
public static class MeasuredSpans
{
    public const string Server = "SPAN_KIND_SERVER";
    public const string Client = "SPAN_KIND_CLIENT";

    public static IReadOnlyDictionary<string, string> Resource { get; } = new Dictionary<string, string>
    {
        ["service.name"] = "aws-edge",
        ["service.version"] = "1.0.0",
        ["deployment.environment.name"] = "prod",
        ["deployment.environment"] = "prod",
        ["cloud.provider"] = "aws",
        ["cloud.region"] = "eu-west-1",
        ["telemetry.sdk.name"] = "opentelemetry",
        ["telemetry.sdk.language"] = "dotnet",
        ["telemetry.sdk.version"] = "1.20.1",
    };

    /// <summary>The captured attributes by span kind, as in the fixture.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>> Attributes { get; } = new Dictionary<string, IReadOnlyDictionary<string, object>>
    {
        [Client] = new Dictionary<string, object>
        {
            ["http.request.method"] = "POST",
            ["http.response.status_code"] = 200L,
            ["network.protocol.version"] = "1.1",
            ["server.address"] = "127.0.0.1",
            ["server.port"] = 41347L,
            ["url.full"] = "http://127.0.0.1:41347/api/ingest",
        },
        [Server] = new Dictionary<string, object>
        {
            ["http.request.method"] = "POST",
            ["http.response.status_code"] = 200L,
            ["http.route"] = "/api/orders",
            ["network.protocol.version"] = "1.1",
            ["server.address"] = "127.0.0.1",
            ["server.port"] = 32817L,
            ["url.path"] = "/api/orders",
            ["url.scheme"] = "http",
        },
    };

    /// <summary>The server span (ASP.NET Core names it "METHOD route") and the client span it makes (HttpClient names it "METHOD").</summary>
    public static IReadOnlyList<MeasuredSpan> All { get; } =
    [
        new(Server, "POST /api/orders", "Microsoft.AspNetCore", "6751b2a0c3d4e5f60718293a4b5c6d7e", "1a2b3c4d5e6f7081", "0f1e2d3c4b5a6978",
            1_765_101_600_123_456_700, 1_765_101_600_135_802_100, Attributes[Server], Resource),
        new(Client, "POST", "System.Net.Http", "6751b2a0c3d4e5f60718293a4b5c6d7e", "2b3c4d5e6f708192", "1a2b3c4d5e6f7081",
            1_765_101_600_125_001_300, 1_765_101_600_133_417_900, Attributes[Client], Resource),
    ];
}
