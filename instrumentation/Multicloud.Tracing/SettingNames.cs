namespace Multicloud.Tracing;

/// <summary>The names a user sets, as error messages show them.</summary>
internal static class SettingNames
{
    public const string Endpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string Protocol = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string Headers = "OTEL_EXPORTER_OTLP_HEADERS";
    public const string ServiceName = "OTEL_SERVICE_NAME";
    public const string ResourceAttributes = "OTEL_RESOURCE_ATTRIBUTES";
    public const string TracesSampler = "OTEL_TRACES_SAMPLER";
    public const string AwsRegion = "AWS_REGION";
    public const string AzureRegion = "REGION_NAME";

    public static string Option(string property) => $"{nameof(MulticloudTracingOptions)}.{property}";

    public static string ResourceAttribute(string key) => $"{key} in {ResourceAttributes}";
}
