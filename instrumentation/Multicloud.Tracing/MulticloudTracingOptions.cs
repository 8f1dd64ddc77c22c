namespace Multicloud.Tracing;

/// <summary>
/// What <see cref="MulticloudTracingServiceCollectionExtensions.AddMulticloudTracing"/> needs to know about the
/// service and the collector. Every property may be left unset and taken from the standard OpenTelemetry
/// environment variables instead (read through the host's <c>IConfiguration</c>, so <c>appsettings.json</c> works
/// too); a value set here wins. A setting that is missing or malformed stops the host at startup with a
/// <see cref="MulticloudTracingConfigurationException"/> naming it.
/// </summary>
public sealed class MulticloudTracingOptions
{
    /// <summary>
    /// The <c>service.name</c> resource attribute. Default: <c>OTEL_SERVICE_NAME</c>, then <c>service.name</c> in
    /// <c>OTEL_RESOURCE_ATTRIBUTES</c>. Required.
    /// </summary>
    public string? ServiceName { get; set; }

    /// <summary>
    /// The <c>service.version</c> resource attribute. Default: <c>service.version</c> in
    /// <c>OTEL_RESOURCE_ATTRIBUTES</c>, then the entry assembly's informational version.
    /// </summary>
    public string? ServiceVersion { get; set; }

    /// <summary>
    /// The deployment environment (for example <c>dev</c> or <c>prod</c>), sent both as
    /// <c>deployment.environment.name</c> (current semantic conventions) and <c>deployment.environment</c> (the
    /// older name some backends still read). Default: either of those keys in <c>OTEL_RESOURCE_ATTRIBUTES</c>.
    /// Required.
    /// </summary>
    public string? DeploymentEnvironment { get; set; }

    /// <summary>
    /// The <c>cloud.provider</c> resource attribute: <c>aws</c> or <c>azure</c>. Default: <c>cloud.provider</c> in
    /// <c>OTEL_RESOURCE_ATTRIBUTES</c>. Required.
    /// </summary>
    public string? CloudProvider { get; set; }

    /// <summary>
    /// The <c>cloud.region</c> resource attribute, a region code such as <c>eu-west-1</c> or <c>westeurope</c>.
    /// Default: <c>cloud.region</c> in <c>OTEL_RESOURCE_ATTRIBUTES</c>, then the platform's own variable
    /// (<c>AWS_REGION</c> on AWS, <c>REGION_NAME</c> on Azure App Service and Functions). Required.
    /// </summary>
    public string? CloudRegion { get; set; }

    /// <summary>
    /// The collector's OTLP endpoint, an absolute <c>http://</c> or <c>https://</c> URL: the stack output
    /// <c>otlpGrpcEndpoint</c> (port 4317) for <c>grpc</c>, <c>otlpHttpEndpoint</c> (port 4318) for
    /// <c>http/protobuf</c>, where <c>/v1/traces</c> is appended as the OpenTelemetry specification says.
    /// Default: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>. Required.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// The OTLP transport: <c>grpc</c> or <c>http/protobuf</c>. Default: <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, then
    /// <c>grpc</c>.
    /// </summary>
    public string? Protocol { get; set; }

    /// <summary>
    /// The collector's ingress token, sent as <c>Authorization: Bearer &lt;token&gt;</c> on every export. The token
    /// alone, without the <c>Bearer</c> prefix. Default: the <c>Authorization</c> entry of
    /// <c>OTEL_EXPORTER_OTLP_HEADERS</c> (<c>Authorization=Bearer%20&lt;token&gt;</c>). Required, and set in one
    /// place only. It never appears in an error message.
    /// </summary>
    public string? IngressToken { get; set; }

    /// <summary>
    /// Whether root spans get AWS X-Ray-compatible trace IDs: the first 4 bytes are the Unix time in seconds, the
    /// other 12 random. Spans that continue an incoming trace always keep its ID. On by default. This replaces the
    /// process-wide <see cref="System.Diagnostics.Activity.TraceIdGenerator"/>; turning it off leaves that untouched.
    /// </summary>
    public bool XRayCompatibleTraceIds { get; set; } = true;

    /// <summary>
    /// Whether to follow the caller's sampling decision. Off (the default), every span is recorded and exported
    /// whatever the sampled flag of the incoming <c>traceparent</c>, because the collector's tail sampling decides
    /// what to keep; the service then passes the trace on marked sampled (flags <c>01</c>). On, a request whose
    /// <c>traceparent</c> ends in <c>-00</c> records no span, errors included, and passes the trace on with
    /// <c>-00</c>; requests without a <c>traceparent</c> are recorded either way. Default:
    /// <c>OTEL_TRACES_SAMPLER</c>, <c>always_on</c> (off) or <c>parentbased_always_on</c> (on), then off.
    /// </summary>
    public bool? ParentBasedSampling { get; set; }
}
