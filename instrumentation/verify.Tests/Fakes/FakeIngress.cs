using System.Net;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Multicloud.Verify.Tests.Fakes;

/// <summary>
/// The collector's ingress on 127.0.0.1: OTLP/HTTP (POST /v1/traces, protobuf) behind a bearer token, as the
/// receiving tier's bearertokenauth does it; decodes each export into the generated OTLP types and hands the spans on.
/// </summary>
public sealed class FakeIngress : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly List<ReceivedSpan> spans = [];
    private readonly List<string?> authorizations = [];

    private FakeIngress(WebApplication app) => this.app = app;

    public Uri Endpoint => new(this.app.Urls.First());

    public IngressPolicy Policy { get; set; } = IngressPolicy.RequireToken;

    public required string Token { get; init; }

    public Action<IReadOnlyList<ReceivedSpan>> OnSpans { get; set; } = _ => { };

    public IReadOnlyList<ReceivedSpan> Spans
    {
        get
        {
            lock (this.spans)
            {
                return [.. this.spans];
            }
        }
    }

    public IReadOnlyList<string?> Authorizations
    {
        get
        {
            lock (this.spans)
            {
                return [.. this.authorizations];
            }
        }
    }

    public static async Task<FakeIngress> StartAsync(string token)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var ingress = new FakeIngress(app) { Token = token };
        app.MapPost("/v1/traces", ingress.ReceiveAsync);
        await app.StartAsync();
        return ingress;
    }

    public async ValueTask DisposeAsync() => await this.app.DisposeAsync();

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        string? authorization = request.Headers.Authorization;
        lock (this.spans)
        {
            this.authorizations.Add(authorization);
        }

        var allowed = this.Policy switch
        {
            IngressPolicy.AcceptAnything => true,
            IngressPolicy.RefuseEverything => false,
            _ => authorization == $"Bearer {this.Token}",
        };
        if (!allowed)
        {
            return Results.Text("missing or empty authorization header", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (request.ContentType != "application/x-protobuf")
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var export = ExportTraceServiceRequest.Parser.ParseFrom(body.ToArray());
        var received = export.ResourceSpans.SelectMany(resource =>
        {
            var attributes = resource.Resource.Attributes.ToDictionary(a => a.Key, a => a.Value);
            return resource.ScopeSpans.SelectMany(scope => scope.Spans).Select(span => new ReceivedSpan(span, attributes));
        }).ToList();
        lock (this.spans)
        {
            this.spans.AddRange(received);
        }

        if (received.Count > 0)
        {
            this.OnSpans(received);
        }

        return Results.Bytes(new ExportTraceServiceResponse().ToByteArray(), "application/x-protobuf");
    }
}
