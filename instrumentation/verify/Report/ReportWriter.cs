using System.Text.Json;
using System.Text.Json.Nodes;
using Multicloud.Verify.Cli;

namespace Multicloud.Verify.Report;

/// <summary>Prints the report on stdout: one line per hop (name, OK or FAILED, what was seen, then code, cause and fix), or one JSON object.</summary>
internal static class ReportWriter
{
    public static void Write(VerifyReport report, ReportFormat format, TextWriter stdout)
    {
        if (format == ReportFormat.Json)
        {
            stdout.WriteLine(Json(report).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return;
        }

        foreach (var hop in report.Hops)
        {
            stdout.WriteLine(Line(hop));
        }

        if (report.MetricsFailed)
        {
            stdout.WriteLine($"{"metrics",-14} FAILED  {report.MetricsStatus}");
        }
    }

    public static string Line(HopResult hop) => hop.Ok
        ? $"{Hops.Name(hop.Hop),-14} OK      {hop.Detail}"
        : $"{Hops.Name(hop.Hop),-14} FAILED  [{hop.Failure!.Code}] {hop.Detail}. Likely cause: {hop.Cause} Fix: {hop.Fix}";

    private static JsonObject Json(VerifyReport report) => new()
    {
        ["stack"] = report.Stack,
        ["xrayExport"] = report.XRayExport,
        ["traceId"] = report.TraceId,
        ["ok"] = report.Ok,
        ["crossCloudTraceSeen"] = report.CrossCloudTraceSeen,
        ["endToEndDelaySeconds"] = report.EndToEndDelay is { } delay ? Math.Round(delay.TotalSeconds, 3) : null,
        ["metrics"] = report.MetricsStatus,
        ["hops"] = new JsonArray([.. report.Hops.Select(hop => (JsonNode)new JsonObject
        {
            ["hop"] = Hops.Name(hop.Hop),
            ["status"] = hop.Ok ? "OK" : "FAILED",
            ["detail"] = hop.Detail,
            ["code"] = hop.Failure?.Code,
            ["cause"] = hop.Cause,
            ["fix"] = hop.Fix,
        })]),
    };
}
