using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Multicloud.Tracing.Tests.EndToEnd;

/// <summary>
/// Sits on the wire between the edge and the ingest (127.0.0.1 both sides): records the headers of each request the
/// edge sends and passes it on unchanged, so the test sees exactly what crossed from "AWS" to "Azure".
/// </summary>
public sealed class HeaderRecordingForwarder : IAsyncDisposable
{
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase) { "Host", "Connection", "Transfer-Encoding", "Content-Length" };

    private readonly WebApplication app;
    private readonly HttpClient client;
    private readonly List<IReadOnlyDictionary<string, string>> requests = [];

    private HeaderRecordingForwarder(WebApplication app, HttpClient client) => (this.app, this.client) = (app, client);

    public Uri Url => new(this.app.Urls.Single());

    /// <summary>Where requests go on to; set once the ingest has started.</summary>
    public Uri? Target { get; set; }

    /// <summary>The headers of every request received, names lower-cased.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Requests
    {
        get
        {
            lock (this.requests)
            {
                return [.. this.requests];
            }
        }
    }

    public static async Task<HeaderRecordingForwarder> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();

        // This process has no tracing of its own to add: the propagator is off so the edge's headers pass as sent.
        var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null, UseProxy = false });
        var forwarder = new HeaderRecordingForwarder(app, client);
        app.Map("/{**path}", forwarder.ForwardAsync);
        await app.StartAsync();
        return forwarder;
    }

    public async ValueTask DisposeAsync()
    {
        await this.app.DisposeAsync();
        this.client.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var incoming = context.Request;
        lock (this.requests)
        {
            this.requests.Add(incoming.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()));
        }

        using var body = new MemoryStream();
        await incoming.Body.CopyToAsync(body);
        using var outgoing = new HttpRequestMessage(new HttpMethod(incoming.Method), new Uri(this.Target!, incoming.Path + incoming.QueryString))
        {
            Content = new ByteArrayContent(body.ToArray()),
        };
        foreach (var (name, values) in incoming.Headers.Where(h => !NotForwarded.Contains(h.Key)))
        {
            if (!outgoing.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                outgoing.Content.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        using var response = await this.client.SendAsync(outgoing);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await response.Content.CopyToAsync(context.Response.Body);
    }
}
