using OpenTelemetry.Exporter;

namespace Multicloud.Tracing;

/// <summary>Resolves and checks the OTLP protocol and the URL the exporter sends to.</summary>
internal static class ExportEndpoint
{
    private const int GrpcPort = 4317;
    private const int HttpPort = 4318;

    public static OtlpExportProtocol ResolveProtocol(string? option, string? variable)
    {
        var (value, source) = Setting.First(
            (option, SettingNames.Option(nameof(MulticloudTracingOptions.Protocol))),
            (variable, SettingNames.Protocol));
        return value switch
        {
            null or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            "http/json" => throw new MulticloudTracingConfigurationException(
                $"{source} is 'http/json', which the .NET OTLP exporter does not send: use grpc or http/protobuf."),
            _ => throw new MulticloudTracingConfigurationException($"{source} is '{value}': use grpc or http/protobuf."),
        };
    }

    /// <summary>
    /// The URL to export to. As the specification says for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, OTLP/HTTP appends
    /// <c>v1/traces</c> to the base URL; the exporter itself only does that when it reads the variable on its own.
    /// </summary>
    public static Uri Resolve(Uri? option, string? variable, OtlpExportProtocol protocol)
    {
        var optionName = SettingNames.Option(nameof(MulticloudTracingOptions.Endpoint));
        var (text, source) = Setting.First((option?.OriginalString, optionName), (variable, SettingNames.Endpoint));
        if (text is null)
        {
            throw new MulticloudTracingConfigurationException(
                $"{SettingNames.Endpoint} is not set: set it (or {optionName}) to the collector's OTLP endpoint, the stack output otlpGrpcEndpoint for grpc or otlpHttpEndpoint for http/protobuf.");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new MulticloudTracingConfigurationException(
                $"{source} is '{text}': it must be an absolute http:// or https:// URL such as http://collector.internal:4317.");
        }

        if (endpoint.UserInfo.Length > 0)
        {
            throw new MulticloudTracingConfigurationException(
                $"{source} must not carry credentials: send the ingress token with {SettingNames.Option(nameof(MulticloudTracingOptions.IngressToken))} or {SettingNames.Headers}.");
        }

        if (endpoint.Query.Length > 0 || endpoint.Fragment.Length > 0)
        {
            throw new MulticloudTracingConfigurationException($"{source} is '{text}': it must not have a query or a fragment.");
        }

        var (expectedPort, otherPort, otherProtocol, output) = protocol == OtlpExportProtocol.Grpc
            ? (GrpcPort, HttpPort, "http/protobuf", "otlpGrpcEndpoint")
            : (HttpPort, GrpcPort, "grpc", "otlpHttpEndpoint");
        if (endpoint.Port == otherPort)
        {
            throw new MulticloudTracingConfigurationException(
                $"{source} is '{text}', port {otherPort} is OTLP over {otherProtocol}, but the protocol is {ProtocolName(protocol)}: use the stack output {output} (port {expectedPort}) or set {SettingNames.Protocol}={otherProtocol}.");
        }

        if (protocol == OtlpExportProtocol.Grpc)
        {
            if (endpoint.AbsolutePath != "/")
            {
                throw new MulticloudTracingConfigurationException(
                    $"{source} is '{text}': a grpc endpoint has no path, only scheme://host:port.");
            }

            return endpoint;
        }

        var basePath = endpoint.AbsolutePath.EndsWith('/') ? endpoint.AbsolutePath : endpoint.AbsolutePath + "/";
        return new UriBuilder(endpoint) { Path = basePath + "v1/traces" }.Uri;
    }

    public static string ProtocolName(OtlpExportProtocol protocol) =>
        protocol == OtlpExportProtocol.Grpc ? "grpc" : "http/protobuf";
}
