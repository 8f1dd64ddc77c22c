using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace Multicloud.Tracing.Tests.Kit;

/// <summary>How the kit reads its settings: options first, then the standard variables, and what it says when one is wrong.</summary>
public sealed class TracingSettingsTests
{
    private const string Token = "s3cr3t-ingress-token";

    private static Dictionary<string, string?> ValidVariables() => new()
    {
        ["OTEL_SERVICE_NAME"] = "checkout",
        ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment.name=dev,cloud.provider=aws",
        ["AWS_REGION"] = "eu-west-1",
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://collector.internal:4317",
        ["OTEL_EXPORTER_OTLP_HEADERS"] = $"Authorization=Bearer%20{Token}",
    };

    private static TracingSettings Resolve(Dictionary<string, string?> variables, Action<MulticloudTracingOptions>? configure = null)
    {
        var options = new MulticloudTracingOptions();
        configure?.Invoke(options);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(variables).Build();
        return TracingSettings.Resolve(options, configuration, "9.9.9");
    }

    private static Dictionary<string, string?> With(string variable, string? value)
    {
        var variables = ValidVariables();
        variables[variable] = value;
        return variables;
    }

    [Fact]
    public void The_standard_variables_alone_are_enough()
    {
        var settings = Resolve(ValidVariables());

        Assert.Equal("checkout", settings.ServiceName);
        Assert.Equal("9.9.9", settings.ServiceVersion);
        Assert.Equal("dev", settings.DeploymentEnvironment);
        Assert.Equal("aws", settings.CloudProvider);
        Assert.Equal("eu-west-1", settings.CloudRegion);
        Assert.Equal(OtlpExportProtocol.Grpc, settings.Protocol);
        Assert.Equal(new Uri("http://collector.internal:4317"), settings.ExportUrl);
        Assert.Equal($"Authorization=Bearer {Token}", settings.ExportHeaders);
        Assert.True(settings.XRayCompatibleTraceIds);
        Assert.False(settings.ParentBasedSampling);
    }

    [Fact]
    public void Options_win_over_the_variables()
    {
        var settings = Resolve(With("OTEL_EXPORTER_OTLP_HEADERS", null), options =>
        {
            options.ServiceName = "orders";
            options.ServiceVersion = "2.0.0";
            options.DeploymentEnvironment = "prod";
            options.CloudProvider = "azure";
            options.CloudRegion = "westeurope";
            options.Endpoint = new Uri("https://collector.example.com:4318");
            options.Protocol = "http/protobuf";
            options.IngressToken = "from-options";
            options.XRayCompatibleTraceIds = false;
            options.ParentBasedSampling = true;
        });

        Assert.Equal(("orders", "2.0.0", "prod", "azure", "westeurope"), (settings.ServiceName, settings.ServiceVersion, settings.DeploymentEnvironment, settings.CloudProvider, settings.CloudRegion));
        Assert.Equal(OtlpExportProtocol.HttpProtobuf, settings.Protocol);
        Assert.Equal(new Uri("https://collector.example.com:4318/v1/traces"), settings.ExportUrl);
        Assert.Equal("Authorization=Bearer from-options", settings.ExportHeaders);
        Assert.False(settings.XRayCompatibleTraceIds);
        Assert.True(settings.ParentBasedSampling);
    }

    [Theory]
    [InlineData("always_on", false)]
    [InlineData("parentbased_always_on", true)]
    [InlineData(" ParentBased_Always_On ", true)]
    [InlineData("", false)]
    public void The_traces_sampler_variable_chooses_parent_based_sampling(string sampler, bool parentBased)
    {
        Assert.Equal(parentBased, Resolve(With("OTEL_TRACES_SAMPLER", sampler)).ParentBasedSampling);
    }

    [Theory]
    [InlineData(false, "parentbased_always_on")]
    [InlineData(true, "always_on")]
    [InlineData(false, "traceidratio")]
    public void The_parent_based_sampling_option_wins_over_the_traces_sampler_variable(bool option, string sampler)
    {
        var settings = Resolve(With("OTEL_TRACES_SAMPLER", sampler), o => o.ParentBasedSampling = option);

        Assert.Equal(option, settings.ParentBasedSampling);
    }

    [Fact]
    public void Resource_attributes_and_the_platform_region_are_fallbacks()
    {
        var variables = ValidVariables();
        variables.Remove("OTEL_SERVICE_NAME");
        variables.Remove("AWS_REGION");
        variables["OTEL_RESOURCE_ATTRIBUTES"] = "service.name=ingest, service.version=3.1.0, deployment.environment=staging, cloud.provider=azure";
        variables["REGION_NAME"] = "northeurope";

        var settings = Resolve(variables);

        Assert.Equal(("ingest", "3.1.0", "staging", "azure", "northeurope"), (settings.ServiceName, settings.ServiceVersion, settings.DeploymentEnvironment, settings.CloudProvider, settings.CloudRegion));
    }

    [Theory]
    [InlineData("http://collector:4318", "http://collector:4318/v1/traces")]
    [InlineData("https://collector.example.com/otlp", "https://collector.example.com/otlp/v1/traces")]
    [InlineData("http://collector:4318/otlp/", "http://collector:4318/otlp/v1/traces")]
    public void Over_http_the_signal_path_is_appended_to_the_base_url(string endpoint, string exportUrl)
    {
        var variables = With("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);
        variables["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";

        Assert.Equal(new Uri(exportUrl), Resolve(variables).ExportUrl);
    }

    [Fact]
    public void Other_headers_pass_through_and_a_percent_sign_survives_the_exporters_decoding()
    {
        var settings = Resolve(With("OTEL_EXPORTER_OTLP_HEADERS", $"x-tenant=50%25, Authorization=Bearer%20{Token}"));

        Assert.Equal($"Authorization=Bearer {Token},x-tenant=50%25", settings.ExportHeaders);
    }

    public static TheoryData<string, string?, string> BadVariables => new()
    {
        { "OTEL_SERVICE_NAME", null, "service.name is not set: set MulticloudTracingOptions.ServiceName, OTEL_SERVICE_NAME or service.name in OTEL_RESOURCE_ATTRIBUTES." },
        { "OTEL_RESOURCE_ATTRIBUTES", "cloud.provider=aws", "deployment.environment is not set: set MulticloudTracingOptions.DeploymentEnvironment or deployment.environment.name in OTEL_RESOURCE_ATTRIBUTES (for example dev or prod)." },
        { "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=dev", "cloud.provider is not set: set MulticloudTracingOptions.CloudProvider or cloud.provider in OTEL_RESOURCE_ATTRIBUTES to aws or azure." },
        { "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=dev,cloud.provider=gcp", "cloud.provider in OTEL_RESOURCE_ATTRIBUTES is 'gcp': cloud.provider must be aws or azure." },
        { "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=dev,cloud.provider", "OTEL_RESOURCE_ATTRIBUTES is malformed: entry 2 is not a key=value pair; expected comma-separated pairs such as deployment.environment.name=prod,cloud.region=eu-west-1." },
        { "AWS_REGION", null, "cloud.region is not set: set MulticloudTracingOptions.CloudRegion, cloud.region in OTEL_RESOURCE_ATTRIBUTES or AWS_REGION." },
        { "AWS_REGION", "EU West 1", "AWS_REGION is 'EU West 1': cloud.region must be a region code such as eu-west-1 or westeurope (lower-case letters, digits and hyphens)." },
        { "OTEL_EXPORTER_OTLP_PROTOCOL", "http/json", "OTEL_EXPORTER_OTLP_PROTOCOL is 'http/json', which the .NET OTLP exporter does not send: use grpc or http/protobuf." },
        { "OTEL_EXPORTER_OTLP_ENDPOINT", null, "OTEL_EXPORTER_OTLP_ENDPOINT is not set: set it (or MulticloudTracingOptions.Endpoint) to the collector's OTLP endpoint, the stack output otlpGrpcEndpoint for grpc or otlpHttpEndpoint for http/protobuf." },
        { "OTEL_EXPORTER_OTLP_ENDPOINT", "collector.internal:4317", "OTEL_EXPORTER_OTLP_ENDPOINT is 'collector.internal:4317': it must be an absolute http:// or https:// URL such as http://collector.internal:4317." },
        { "OTEL_EXPORTER_OTLP_ENDPOINT", $"http://user:{Token}@collector:4317", "OTEL_EXPORTER_OTLP_ENDPOINT must not carry credentials: send the ingress token with MulticloudTracingOptions.IngressToken or OTEL_EXPORTER_OTLP_HEADERS." },
        { "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318", "OTEL_EXPORTER_OTLP_ENDPOINT is 'http://collector:4318', port 4318 is OTLP over http/protobuf, but the protocol is grpc: use the stack output otlpGrpcEndpoint (port 4317) or set OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf." },
        { "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317/v1/traces", "OTEL_EXPORTER_OTLP_ENDPOINT is 'http://collector:4317/v1/traces': a grpc endpoint has no path, only scheme://host:port." },
        { "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317/?tenant=a", "OTEL_EXPORTER_OTLP_ENDPOINT is 'http://collector:4317/?tenant=a': it must not have a query or a fragment." },
        { "OTEL_EXPORTER_OTLP_HEADERS", null, "The collector's ingress token is not set: set MulticloudTracingOptions.IngressToken, or OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20<token>." },
        { "OTEL_EXPORTER_OTLP_HEADERS", Token, "OTEL_EXPORTER_OTLP_HEADERS is malformed: entry 1 is not a key=value pair; expected comma-separated pairs such as Authorization=Bearer%20<token>." },
        { "OTEL_EXPORTER_OTLP_HEADERS", $"Authorization=Basic%20{Token}", "The Authorization entry of OTEL_EXPORTER_OTLP_HEADERS does not use the Bearer scheme: write Authorization=Bearer%20<token>." },
        { "OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer%20", "The Authorization entry of OTEL_EXPORTER_OTLP_HEADERS is malformed: the ingress token must be the token alone, without 'Bearer ', spaces, commas or control characters." },
        { "OTEL_EXPORTER_OTLP_HEADERS", $"Authorization=Bearer%20{Token}%20x", "The Authorization entry of OTEL_EXPORTER_OTLP_HEADERS is malformed: the ingress token must be the token alone, without 'Bearer ', spaces, commas or control characters." },
        { "OTEL_EXPORTER_OTLP_HEADERS", $"Authorization=Bearer%20{Token},authorization=Bearer%20{Token}", "OTEL_EXPORTER_OTLP_HEADERS sets the header authorization twice." },
        { "OTEL_EXPORTER_OTLP_HEADERS", $"Auth orization=Bearer%20{Token}", "OTEL_EXPORTER_OTLP_HEADERS is malformed: 'Auth orization' is not a valid HTTP header name." },
        { "OTEL_EXPORTER_OTLP_HEADERS", $"Authorization=Bearer%20{Token},x-tenant=a%2Cb", "OTEL_EXPORTER_OTLP_HEADERS is malformed: the value of header x-tenant holds a comma or a control character, which the OTLP exporter cannot send." },
        { "OTEL_TRACES_SAMPLER", "traceidratio", "OTEL_TRACES_SAMPLER is 'traceidratio': use always_on (the default: record every span, the collector's tail sampling decides) or parentbased_always_on (record only what the caller's traceparent marks sampled). Other samplers drop spans, errors included, before the collector sees them." },
        { "OTEL_TRACES_SAMPLER", "parentbased_traceidratio", "OTEL_TRACES_SAMPLER is 'parentbased_traceidratio': use always_on (the default: record every span, the collector's tail sampling decides) or parentbased_always_on (record only what the caller's traceparent marks sampled). Other samplers drop spans, errors included, before the collector sees them." },
        { "OTEL_TRACES_SAMPLER", "always_off", "OTEL_TRACES_SAMPLER is 'always_off': use always_on (the default: record every span, the collector's tail sampling decides) or parentbased_always_on (record only what the caller's traceparent marks sampled). Other samplers drop spans, errors included, before the collector sees them." },
        { "OTEL_TRACES_SAMPLER", "parentbased_always_off", "OTEL_TRACES_SAMPLER is 'parentbased_always_off': use always_on (the default: record every span, the collector's tail sampling decides) or parentbased_always_on (record only what the caller's traceparent marks sampled). Other samplers drop spans, errors included, before the collector sees them." },
        { "OTEL_TRACES_SAMPLER", "alwayson", "OTEL_TRACES_SAMPLER is 'alwayson': use always_on (the default: record every span, the collector's tail sampling decides) or parentbased_always_on (record only what the caller's traceparent marks sampled). Other samplers drop spans, errors included, before the collector sees them." },
    };

    [Theory]
    [MemberData(nameof(BadVariables))]
    public void A_missing_or_malformed_variable_is_named_and_the_token_is_never_shown(string variable, string? value, string message)
    {
        var error = Assert.Throws<MulticloudTracingConfigurationException>(() => Resolve(With(variable, value)));

        Assert.Equal(message, error.Message);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadOptions => new()
    {
        { nameof(MulticloudTracingOptions.CloudProvider), "MulticloudTracingOptions.CloudProvider is 'AWS': cloud.provider must be aws or azure." },
        { nameof(MulticloudTracingOptions.CloudRegion), "MulticloudTracingOptions.CloudRegion is 'West Europe': cloud.region must be a region code such as eu-west-1 or westeurope (lower-case letters, digits and hyphens)." },
        { nameof(MulticloudTracingOptions.Endpoint), "MulticloudTracingOptions.Endpoint is 'ftp://collector:4317': it must be an absolute http:// or https:// URL such as http://collector.internal:4317." },
        { nameof(MulticloudTracingOptions.Protocol), "MulticloudTracingOptions.Protocol is 'gRPC': use grpc or http/protobuf." },
        { nameof(MulticloudTracingOptions.IngressToken), "The ingress token is set twice, in MulticloudTracingOptions.IngressToken and in OTEL_EXPORTER_OTLP_HEADERS: keep one." },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void A_malformed_option_is_named(string option, string message)
    {
        Action<MulticloudTracingOptions> configure = option switch
        {
            nameof(MulticloudTracingOptions.CloudProvider) => o => o.CloudProvider = "AWS",
            nameof(MulticloudTracingOptions.CloudRegion) => o => o.CloudRegion = "West Europe",
            nameof(MulticloudTracingOptions.Endpoint) => o => o.Endpoint = new Uri("ftp://collector:4317"),
            nameof(MulticloudTracingOptions.Protocol) => o => o.Protocol = "gRPC",
            _ => o => o.IngressToken = Token,
        };

        var error = Assert.Throws<MulticloudTracingConfigurationException>(() => Resolve(ValidVariables(), configure));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void An_ingress_token_option_with_the_bearer_prefix_is_refused_without_showing_it()
    {
        var error = Assert.Throws<MulticloudTracingConfigurationException>(
            () => Resolve(With("OTEL_EXPORTER_OTLP_HEADERS", null), o => o.IngressToken = $"Bearer {Token}"));

        Assert.Equal("MulticloudTracingOptions.IngressToken is malformed: the ingress token must be the token alone, without 'Bearer ', spaces, commas or control characters.", error.Message);
    }
}
