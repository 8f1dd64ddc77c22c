using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

namespace Multicloud.Tracing;

/// <summary>Adds the multicloud tracing setup to a service's startup.</summary>
public static class MulticloudTracingServiceCollectionExtensions
{
    internal const string ExporterName = "multicloud";

    /// <summary>
    /// Traces the service with OpenTelemetry the same way on AWS and Azure: W3C trace context and baggage
    /// propagation; AWS X-Ray-compatible trace IDs for root spans (see
    /// <see cref="MulticloudTracingOptions.XRayCompatibleTraceIds"/>); every span recorded whatever the caller's
    /// sampled flag, for the collector's tail sampling to decide (see
    /// <see cref="MulticloudTracingOptions.ParentBasedSampling"/>); ASP.NET Core server and HttpClient spans with
    /// exceptions recorded and HTTP 5xx marked as status ERROR; the resource attributes <c>service.name</c>,
    /// <c>service.version</c>, <c>deployment.environment.name</c> (and <c>deployment.environment</c>),
    /// <c>cloud.provider</c> and <c>cloud.region</c>; batched OTLP export to the collector with its ingress token as
    /// <c>Authorization: Bearer</c>. The settings are checked when the host starts: a missing or malformed one
    /// throws <see cref="MulticloudTracingConfigurationException"/> naming it.
    /// </summary>
    /// <param name="services">The service's <see cref="IServiceCollection"/>, e.g. <c>builder.Services</c>.</param>
    /// <param name="configure">Sets the options; anything left unset comes from the standard OpenTelemetry variables.</param>
    /// <returns>The same <paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddMulticloudTracing(this IServiceCollection services, Action<MulticloudTracingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(service => service.ServiceType == typeof(TracingSettings)))
        {
            // A second call would add a second exporter and every span would be sent twice.
            throw new InvalidOperationException("AddMulticloudTracing is already called for these services: call it once.");
        }

        var optionsBuilder = services.AddOptions<MulticloudTracingOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.AddSingleton(provider => TracingSettings.Resolve(
            provider.GetRequiredService<IOptions<MulticloudTracingOptions>>().Value,
            provider.GetService<IConfiguration>() ?? new ConfigurationBuilder().AddEnvironmentVariables().Build(),
            Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion));

        // ASP.NET Core takes the propagator it extracts with from the container.
        services.Replace(ServiceDescriptor.Singleton(DistributedContextPropagator.CreateW3CPropagator()));

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddDetector(provider => new TracingResource(provider.GetRequiredService<TracingSettings>())))
            .WithTracing(tracing => ConfigureWhenBuilt(tracing, provider => ProcessWideTracing.Apply(provider.GetRequiredService<TracingSettings>()))
                .SetSampler(provider => Sampling.For(provider.GetRequiredService<TracingSettings>().ParentBasedSampling))
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.RecordException = true)
                .AddHttpClientInstrumentation(httpClient => httpClient.RecordException = true)
                .AddOtlpExporter(ExporterName, _ => { }));

        services.AddOptions<OtlpExporterOptions>(ExporterName).Configure<TracingSettings>((exporter, settings) =>
        {
            exporter.Protocol = settings.Protocol;
            exporter.Endpoint = settings.ExportUrl;
            exporter.Headers = settings.ExportHeaders;
            exporter.ExportProcessorType = OpenTelemetry.ExportProcessorType.Batch;
        });

        return services;
    }

    // The hosting builder defers configuration until the container exists; that is when the settings can be read.
    private static TracerProviderBuilder ConfigureWhenBuilt(TracerProviderBuilder tracing, Action<IServiceProvider> configure) =>
        tracing is IDeferredTracerProviderBuilder deferred
            ? deferred.Configure((provider, builder) => configure(provider))
            : throw new InvalidOperationException("The OpenTelemetry hosting builder no longer defers tracing configuration.");
}
