namespace Multicloud.Verify.Stack;

/// <summary>
/// How the stack exports to X-Ray (stack key <c>otel-multicloud:xrayExport</c>): <c>otlp</c> to the X-Ray OTLP endpoint,
/// which stores every span in the <c>aws/spans</c> log group (Transaction Search); <c>segments</c> through the awsxray
/// exporter, read back with BatchGetTraces.
/// </summary>
internal enum XRayExport
{
    Otlp,
    Segments,
}

internal static class XRayExports
{
    public static XRayExport Parse(string text, string source) => text.Trim() switch
    {
        "otlp" => XRayExport.Otlp,
        "segments" => XRayExport.Segments,
        _ => throw new Cli.UsageException($"{source} is '{text}': use otlp or segments."),
    };

    public static string Name(XRayExport mode) => mode == XRayExport.Otlp ? "otlp" : "segments";
}
