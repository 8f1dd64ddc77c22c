using System.Net;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Multicloud.Tracing.Tests.Otlp;

/// <summary>
/// A stand-in for the collector on 127.0.0.1: OTLP/HTTP (POST /v1/traces, protobuf body) on one port and OTLP/gRPC
/// (TraceService/Export over cleartext HTTP/2) on another. Both decode the real request into the generated
/// <see cref="ExportTraceServiceRequest"/> and keep every span with the Authorization header it came with.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ListenOptions httpListener;
    private readonly ListenOptions grpcListener;

    private OtlpReceiver(WebApplication app, ListenOptions httpListener, ListenOptions grpcListener)
        => (this.app, this.httpListener, this.grpcListener) = (app, httpListener, grpcListener);

    public ReceivedSpans Spans => this.app.Services.GetRequiredService<ReceivedSpans>();

    /// <summary>Base URL for OTLP/HTTP, as OTEL_EXPORTER_OTLP_ENDPOINT takes it (the exporter adds /v1/traces).</summary>
    public Uri HttpEndpoint => new($"http://{this.httpListener.IPEndPoint}");

    /// <summary>URL for OTLP/gRPC.</summary>
    public Uri GrpcEndpoint => new($"http://{this.grpcListener.IPEndPoint}");

    public static async Task<OtlpReceiver> StartAsync()
    {
        ListenOptions? http = null, grpc = null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => (http = listen).Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, 0, listen => (grpc = listen).Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<ReceivedSpans>();

        var app = builder.Build();
        app.MapGrpcService<TraceServiceEndpoint>();
        app.MapPost("/v1/traces", ReceiveHttpAsync);
        await app.StartAsync();
        return new OtlpReceiver(app, http!, grpc!);
    }

    public async ValueTask DisposeAsync() => await this.app.DisposeAsync();

    private static async Task<IResult> ReceiveHttpAsync(HttpRequest request, ReceivedSpans spans)
    {
        if (request.ContentType != "application/x-protobuf")
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        spans.Record(ExportTraceServiceRequest.Parser.ParseFrom(body.ToArray()), "http/protobuf", request.Headers.Authorization);
        return Results.Bytes(new ExportTraceServiceResponse().ToByteArray(), "application/x-protobuf");
    }

    /// <summary>The gRPC TraceService, generated from trace_service.proto.</summary>
    private sealed class TraceServiceEndpoint(ReceivedSpans spans) : TraceService.TraceServiceBase
    {
        public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
        {
            spans.Record(request, "grpc", context.RequestHeaders.GetValue("authorization"));
            return Task.FromResult(new ExportTraceServiceResponse());
        }
    }
}
