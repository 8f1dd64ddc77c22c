using System.Text.Json;
using AwsEdge;
using Multicloud.Tracing;

// The AWS side of a transaction: takes an order and hands it to the Azure ingest service.
var builder = WebApplication.CreateBuilder(args);
// A bad tracing setting is reported below as one line; the host's own log of it would repeat it with a stack trace.
builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
builder.Services.AddMulticloudTracing(options =>
{
    options.ServiceName = "aws-edge";
    options.CloudProvider = "aws";
    // On ECS this variable comes from the SSM SecureString holding the collector's ingress token.
    options.IngressToken = builder.Configuration["OTLP_INGRESS_TOKEN"];
});

if (!Uri.TryCreate(builder.Configuration["INGEST_URL"], UriKind.Absolute, out var ingestUrl) || !ingestUrl.Scheme.StartsWith("http", StringComparison.Ordinal))
{
    Console.Error.WriteLine("error: INGEST_URL must be the azure-ingest URL, e.g. INGEST_URL=http://127.0.0.1:5081/api/ingest");
    return 2;
}

builder.Services.AddSingleton(new IngestTarget(ingestUrl));
builder.Services.AddHttpClient<IngestClient>(client => client.Timeout = IngestClient.Timeout);

var app = builder.Build();
app.MapPost("/api/orders", (JsonElement order, IngestClient ingest, CancellationToken cancellation) => ingest.ForwardAsync(order, cancellation));

try
{
    await app.RunAsync();
    return 0;
}
catch (MulticloudTracingConfigurationException error)
{
    Console.Error.WriteLine($"error: {error.Message}");
    return 2;
}
