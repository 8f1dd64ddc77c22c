using Multicloud.Verify.Stack;

namespace Multicloud.Verify.Report;

/// <summary>What fills a diagnosis's placeholders: the stack, its tiers' names by topology, the X-Ray exporter's alarm suffix.</summary>
internal sealed record DiagnosisContext(string Stack, string Router, string Sampler, string XRayExporter)
{
    public static DiagnosisContext For(string stack, string? topology, XRayExport export)
    {
        var (router, sampler) = topology switch
        {
            "tiered" => ("router", "sampler"),
            "single" => ("collector", "collector"),
            _ => ("<router or collector>", "<sampler or collector>"),
        };
        return new DiagnosisContext(stack, router, sampler, export == XRayExport.Otlp ? "otlp-http-xray" : "awsxray");
    }

    public string Fill(string text) => text
        .Replace("<stack>", this.Stack, StringComparison.Ordinal)
        .Replace("<router>", this.Router, StringComparison.Ordinal)
        .Replace("<sampler>", this.Sampler, StringComparison.Ordinal)
        .Replace("<xray-exporter>", this.XRayExporter, StringComparison.Ordinal);
}
