using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Multicloud.Tracing;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

namespace Multicloud.Verify.Canary;

/// <summary>
/// Sends the canary trace with the tracing kit, as two services would: an AWS-side service (cloud.provider aws) whose
/// root CLIENT span calls the Azure ingest, and an Azure-side service (cloud.provider azure) whose SERVER span
/// continues the trace from the W3C <c>traceparent</c> the AWS side injected. Each side is its own
/// <see cref="MulticloudTracingServiceCollectionExtensions.AddMulticloudTracing"/> (its own resource, OTLP/HTTP export
/// with the ingress token); the root span's trace ID is X-Ray-epoch, as the kit makes it. The spans carry what .NET's
/// HttpClient and ASP.NET Core instrumentations record (the client span no <c>http.route</c>, so the Azure-bound
/// transform must name the dependency by the path of <c>url.full</c>) plus <see cref="CanaryAttribute"/>.
/// </summary>
internal sealed class CanarySender(CanarySettings settings, TimeProvider clock)
{
    public const string AwsService = "otel-multicloud-canary-aws";
    public const string AzureService = "otel-multicloud-canary-azure";
    public const string Route = "/api/ingest";

    /// <summary>The Azure side's host: a reserved name (RFC 2606) that resolves nowhere; no request is really sent.</summary>
    public const string IngestHost = "canary-ingest.invalid";

    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(20);

    public CanaryTrace Send()
    {
        var recorder = new ExportRecorder();
        var run = Guid.NewGuid().ToString("N")[..8];
        var awsSourceName = $"Multicloud.Verify.Canary.Aws.{run}";
        var azureSourceName = $"Multicloud.Verify.Canary.Azure.{run}";
        using var awsServices = Services(AwsService, "aws", settings.AwsRegion, awsSourceName, recorder);
        using var azureServices = Services(AzureService, "azure", settings.AzureRegion, azureSourceName, recorder);
        var awsTracing = awsServices.GetRequiredService<TracerProvider>();
        var azureTracing = azureServices.GetRequiredService<TracerProvider>();
        using var awsSource = new ActivitySource(awsSourceName);
        using var azureSource = new ActivitySource(azureSourceName);

        var sentAt = clock.GetUtcNow();
        var previous = Activity.Current;
        Activity.Current = null;
        string traceId, awsSpanId, azureSpanId;
        try
        {
            var url = $"https://{IngestHost}{Route}";
            using (var client = awsSource.StartActivity("POST", ActivityKind.Client) ?? throw new InvalidOperationException("The AWS-side tracer recorded no span."))
            {
                client.SetTag("http.request.method", "POST");
                client.SetTag("url.full", url);
                client.SetTag("server.address", IngestHost);
                client.SetTag("server.port", 443);
                client.SetTag("network.protocol.version", "1.1");
                client.SetTag("http.response.status_code", 200);
                client.SetTag(CanaryAttribute.Key, CanaryAttribute.Value);

                // The hop: W3C trace context through the propagator the kit installed, as an HTTP header would carry it.
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                Propagators.DefaultTextMapPropagator.Inject(new PropagationContext(client.Context, Baggage.Current), headers, (carrier, key, value) => carrier[key] = value);
                var incoming = Propagators.DefaultTextMapPropagator.Extract(default, headers, (carrier, key) => carrier.TryGetValue(key, out var value) ? [value] : []);
                if (incoming.ActivityContext.TraceId != client.TraceId)
                {
                    throw new InvalidOperationException("The kit's propagator did not carry the W3C trace context.");
                }

                using (var server = azureSource.StartActivity("POST " + Route, ActivityKind.Server, incoming.ActivityContext) ?? throw new InvalidOperationException("The Azure-side tracer recorded no span."))
                {
                    server.SetTag("http.request.method", "POST");
                    server.SetTag("http.route", Route);
                    server.SetTag("url.scheme", "https");
                    server.SetTag("url.path", Route);
                    server.SetTag("server.address", IngestHost);
                    server.SetTag("http.response.status_code", 200);
                    server.SetTag(CanaryAttribute.Key, CanaryAttribute.Value);
                    azureSpanId = server.SpanId.ToHexString();
                }

                traceId = client.TraceId.ToHexString();
                awsSpanId = client.SpanId.ToHexString();
            }
        }
        finally
        {
            Activity.Current = previous;
        }

        var flushed = awsTracing.ForceFlush((int)FlushTimeout.TotalMilliseconds) & azureTracing.ForceFlush((int)FlushTimeout.TotalMilliseconds);
        return new CanaryTrace(traceId, awsSpanId, azureSpanId, sentAt, recorder.Outcomes, flushed);
    }

    private ServiceProvider Services(string service, string provider, string region, string source, ExportRecorder recorder)
    {
        var services = new ServiceCollection();
        // Only the options below count: an OTEL_* variable of the runner (a second token) must not change the canary.
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddMulticloudTracing(options =>
        {
            options.ServiceName = service;
            options.ServiceVersion = typeof(CanarySender).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            options.DeploymentEnvironment = settings.Stack;
            options.CloudProvider = provider;
            options.CloudRegion = region;
            options.Endpoint = settings.Endpoint;
            options.Protocol = "http/protobuf";
            options.IngressToken = settings.Token.Reveal();
        });
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(source));
        services.PostConfigureAll<OtlpExporterOptions>(exporter =>
        {
            exporter.TimeoutMilliseconds = 10_000;
            exporter.HttpClientFactory = () => new HttpClient(recorder.Wrap(settings.Connections())) { Timeout = TimeSpan.FromMilliseconds(exporter.TimeoutMilliseconds) };
        });
        return services.BuildServiceProvider();
    }
}
