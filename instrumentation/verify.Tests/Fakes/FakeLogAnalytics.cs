using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Multicloud.Verify.Tests.Fakes;

/// <summary>
/// The Log Analytics query API on 127.0.0.1: POST /v1/workspaces/{id}/query and the resource-centric
/// /v1/subscriptions/.../query, answering 401 without the expected bearer token and the tables shape otherwise.
/// </summary>
public sealed partial class FakeLogAnalytics : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly FakePipeline pipeline;
    private readonly List<(string Path, string? Authorization)> calls = [];

    private FakeLogAnalytics(WebApplication app, FakePipeline pipeline) => (this.app, this.pipeline) = (app, pipeline);

    public Uri Endpoint => new(this.app.Urls.First() + "/");

    /// <summary>Answer every query with 403, as for an identity without Log Analytics Reader.</summary>
    public bool Forbid { get; set; }

    public IReadOnlyList<(string Path, string? Authorization)> Calls
    {
        get
        {
            lock (this.calls)
            {
                return [.. this.calls];
            }
        }
    }

    public static async Task<FakeLogAnalytics> StartAsync(FakePipeline pipeline)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeLogAnalytics(app, pipeline);
        app.MapPost("/v1/{**path}", fake.QueryAsync);
        await app.StartAsync();
        return fake;
    }

    public ValueTask DisposeAsync() => this.app.DisposeAsync();

    private async Task<IResult> QueryAsync(HttpRequest request)
    {
        string? authorization = request.Headers.Authorization;
        lock (this.calls)
        {
            this.calls.Add((request.Path.Value!, authorization));
        }

        if (authorization != $"Bearer {FakeTokenCredential.Token}")
        {
            return Results.Json(new { error = new { code = "InvalidAuthenticationToken", message = "missing or wrong bearer token" } }, statusCode: 401);
        }

        if (this.Forbid)
        {
            return Results.Json(new { error = new { code = "InsufficientAccessError", message = "The provided credentials have insufficient access to perform the requested operation" } }, statusCode: 403);
        }

        if (!request.Path.Value!.EndsWith("/query", StringComparison.Ordinal) || request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return Results.Json(new { error = new { code = "BadArgumentError", message = "POST .../query with a JSON body" } }, statusCode: 400);
        }

        using var body = await JsonDocument.ParseAsync(request.Body);
        var query = body.RootElement.GetProperty("query").GetString()!;
        var match = OperationIdFilter().Match(query);
        if (!match.Success || !query.Contains("AppRequests", StringComparison.Ordinal) || !query.Contains("AppDependencies", StringComparison.Ordinal))
        {
            return Results.Json(new { error = new { code = "BadArgumentError", message = "expected AppRequests and AppDependencies filtered on OperationId" } }, statusCode: 400);
        }

        var rows = this.pipeline.AzureRows(match.Groups[1].Value).Select(r => new object[] { r.Table, r.Name, r.Id, r.ParentId, r.Role });
        return Results.Json(new
        {
            tables = new[]
            {
                new
                {
                    name = "PrimaryResult",
                    columns = new[] { "TableName", "Name", "Id", "ParentId", "AppRoleName" }.Select(c => new { name = c, type = "string" }),
                    rows,
                },
            },
        });
    }

    [GeneratedRegex("OperationId == \"([0-9a-f]{32})\"")]
    private static partial Regex OperationIdFilter();
}
