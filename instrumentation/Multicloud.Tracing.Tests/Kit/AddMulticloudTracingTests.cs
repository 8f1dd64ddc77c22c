using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

namespace Multicloud.Tracing.Tests.Kit;

/// <summary>The one call in a real host: what it wires, and that a bad setting stops the host from starting.</summary>
public sealed class AddMulticloudTracingTests : IDisposable
{
    private const string Token = "host-test-token";

    public AddMulticloudTracingTests()
    {
        Activity.TraceIdGenerator = null;
        Sdk.SetDefaultTextMapPropagator(new BaggagePropagator());
        DistributedContextPropagator.Current = DistributedContextPropagator.CreatePreW3CPropagator();
    }

    public void Dispose()
    {
        Activity.TraceIdGenerator = null;
        DistributedContextPropagator.Current = DistributedContextPropagator.CreateDefaultPropagator();
    }

    private static readonly ActivitySource OwnSpans = new("Multicloud.Tracing.Tests.OwnSpans");

    private static IHost Build(Action<MulticloudTracingOptions>? configure = null, string endpoint = "http://127.0.0.1:4317", string? tracesSampler = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_EXPORTER_OTLP_HEADERS"] = $"Authorization=Bearer%20{Token}",
            ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment.name=dev",
            ["AWS_REGION"] = "eu-west-1",
            ["OTEL_TRACES_SAMPLER"] = tracesSampler,
        });
        builder.Services.AddMulticloudTracing(options =>
        {
            options.ServiceName = "checkout";
            options.ServiceVersion = "1.4.2";
            options.CloudProvider = "aws";
            configure?.Invoke(options);
        });
        // Spans of the test's own, added as the README tells a service to add its own.
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(OwnSpans.Name));
        return builder.Build();
    }

    [Fact]
    public async Task A_bad_setting_stops_the_host_at_startup_naming_it()
    {
        using var host = Build(endpoint: "collector:4317");

        var error = await Assert.ThrowsAsync<MulticloudTracingConfigurationException>(() => host.StartAsync());

        Assert.Equal("OTEL_EXPORTER_OTLP_ENDPOINT is 'collector:4317': it must be an absolute http:// or https:// URL such as http://collector.internal:4317.", error.Message);
    }

    [Fact]
    public void A_second_call_is_refused_rather_than_exporting_every_span_twice()
    {
        var services = new ServiceCollection().AddMulticloudTracing();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddMulticloudTracing());

        Assert.Equal("AddMulticloudTracing is already called for these services: call it once.", error.Message);
    }

    [Fact]
    public async Task The_otlp_exporter_batches_to_the_collector_with_the_bearer_token()
    {
        using var host = Build();
        await host.StartAsync();

        var exporter = host.Services.GetRequiredService<IOptionsMonitor<OtlpExporterOptions>>().Get(MulticloudTracingServiceCollectionExtensions.ExporterName);
        Assert.Equal(new Uri("http://127.0.0.1:4317"), exporter.Endpoint);
        Assert.Equal(OtlpExportProtocol.Grpc, exporter.Protocol);
        Assert.Equal($"Authorization=Bearer {Token}", exporter.Headers);
        Assert.Equal(ExportProcessorType.Batch, exporter.ExportProcessorType);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_resource_names_the_service_its_environment_and_its_cloud()
    {
        using var host = Build();
        await host.StartAsync();

        var resource = host.Services.GetRequiredService<TracerProvider>().GetResource().Attributes.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal("checkout", resource["service.name"]);
        Assert.Equal("1.4.2", resource["service.version"]);
        Assert.Equal("dev", resource["deployment.environment.name"]);
        Assert.Equal("dev", resource["deployment.environment"]);
        Assert.Equal("aws", resource["cloud.provider"]);
        Assert.Equal("eu-west-1", resource["cloud.region"]);
        await host.StopAsync();
    }

    [Fact]
    public async Task Root_activities_get_xray_trace_ids_and_children_and_continued_traces_keep_theirs()
    {
        using var host = Build();
        await host.StartAsync();

        using var root = new Activity("root").Start();
        using var child = new Activity("child").Start();
        var remote = ActivityTraceId.CreateFromString("0af7651916cd43dd8448eb211c80319c");
        using var continued = new Activity("continued").SetParentId(remote, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start();

        var seconds = Convert.ToInt64(root.TraceId.ToHexString()[..8], 16);
        Assert.InRange(seconds, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal(root.TraceId, child.TraceId);
        Assert.Equal(remote, continued.TraceId);
        await host.StopAsync();
    }

    [Fact]
    public async Task With_xray_ids_off_the_runtime_generator_is_left_alone()
    {
        using var host = Build(options => options.XRayCompatibleTraceIds = false);
        await host.StartAsync();

        Assert.Null(Activity.TraceIdGenerator);
        await host.StopAsync();
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(null, "always_on", true)]
    [InlineData(null, "parentbased_always_on", false)]
    [InlineData(true, null, false)]
    [InlineData(false, "parentbased_always_on", true)]
    public async Task A_span_under_an_unsampled_remote_parent_is_recorded_unless_sampling_is_parent_based(bool? parentBased, string? tracesSampler, bool recorded)
    {
        using var host = Build(options => options.ParentBasedSampling = parentBased, tracesSampler: tracesSampler);
        await host.StartAsync();

        var caller = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None, isRemote: true);
        using var span = OwnSpans.StartActivity("handle", ActivityKind.Server, caller);

        // Not recorded is still an activity: it carries the caller's trace ID on, flagged unsampled.
        Assert.NotNull(span);
        Assert.Equal(caller.TraceId, span.TraceId);
        Assert.Equal(recorded, span.IsAllDataRequested);
        Assert.Equal(recorded, span.Recorded);
        await host.StopAsync();
    }

    [Fact]
    public async Task Propagation_is_w3c_trace_context_and_baggage_in_opentelemetry_and_in_the_runtime()
    {
        using var host = Build();
        await host.StartAsync();

        var carrier = new Dictionary<string, string>();
        var context = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, "vendor=1");
        Propagators.DefaultTextMapPropagator.Inject(
            new PropagationContext(context, Baggage.Create(new Dictionary<string, string> { ["tenant"] = "a" })), carrier, (c, key, value) => c[key] = value);

        Assert.Equal(["baggage", "traceparent", "tracestate"], carrier.Keys.Order());
        Assert.Equal($"00-{context.TraceId}-{context.SpanId}-01", carrier["traceparent"]);
        using var activity = new Activity("outgoing").SetParentId(context.TraceId, context.SpanId, context.TraceFlags).AddBaggage("tenant", "a").Start();
        activity.TraceStateString = "vendor=1";
        Assert.Equal(["baggage", "traceparent", "tracestate"], RuntimeInjects(DistributedContextPropagator.Current, activity));
        Assert.Equal(["baggage", "traceparent", "tracestate"], RuntimeInjects(host.Services.GetRequiredService<DistributedContextPropagator>(), activity));
        await host.StopAsync();
    }

    private static IEnumerable<string> RuntimeInjects(DistributedContextPropagator propagator, Activity activity)
    {
        var headers = new Dictionary<string, string>();
        propagator.Inject(activity, headers, (carrier, key, value) => ((Dictionary<string, string>)carrier!)[key] = value);
        return headers.Keys.Order();
    }
}
