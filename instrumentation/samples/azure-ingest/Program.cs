using System.Diagnostics;
using System.Text.Json;
using AzureIngest;
using Multicloud.Tracing;

// Stands in for the Azure Function POST /api/ingest: continues the caller's trace, and fails or dawdles on request.
var builder = WebApplication.CreateBuilder(args);
// A bad tracing setting is reported below as one line; the host's own log of it would repeat it with a stack trace.
builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
builder.Services.AddMulticloudTracing(options =>
{
    options.ServiceName = "azure-ingest";
    options.CloudProvider = "azure";
    // On Azure this app setting can be a Key Vault reference to the collector's ingress token.
    options.IngressToken = builder.Configuration["OTLP_INGRESS_TOKEN"];
});

Simulation simulation;
try
{
    simulation = Simulation.FromConfiguration(builder.Configuration);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine($"error: {error.Message}");
    return 2;
}

var app = builder.Build();
app.MapPost("/api/ingest", async (JsonElement payload, CancellationToken cancellation) =>
{
    switch (simulation.ModeFor(payload))
    {
        case Simulation.Fail:
            throw new InvalidOperationException("simulated ingest failure");
        case Simulation.Slow:
            await Task.Delay(simulation.SlowDelay, cancellation);
            break;
        case { } unknown:
            return Results.BadRequest(new { error = $"simulate is '{unknown}': use fail or slow" });
    }

    return Results.Ok(new { traceId = Activity.Current?.TraceId.ToHexString(), accepted = true });
});

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
