using Multicloud.Verify.Azure;
using Multicloud.Verify.Canary;
using Multicloud.Verify.Checks;
using Multicloud.Verify.Cli;
using Multicloud.Verify.Ingress;
using Multicloud.Verify.Stack;

namespace Multicloud.Verify.Report;

/// <summary>Turns what was observed into one verdict per hop, naming the likely cause of the first thing that broke.</summary>
internal static class Diagnosis
{
    public static HopResult Ingress(IngressProbe.Result probe, DiagnosisContext context)
    {
        var seen = $"no token: {probe.WithoutToken}; wrong token: {probe.WrongToken}; the stack's token: {probe.RightToken}";
        if (probe.WithoutToken.Status is null || probe.WrongToken.Status is null || probe.RightToken.Status is null)
        {
            return HopResult.Failed(Hop.Ingress, seen, Failures.IngressUnreachable, context);
        }

        if (probe.WithoutToken.Accepted || probe.WrongToken.Accepted)
        {
            return HopResult.Failed(Hop.Ingress, seen, Failures.IngressOpen, context);
        }

        if (probe.RightToken.Refused)
        {
            return HopResult.Failed(Hop.Ingress, seen, Failures.IngressTokenRefused, context);
        }

        if (!probe.WithoutToken.Refused || !probe.WrongToken.Refused || !probe.RightToken.Accepted)
        {
            return HopResult.Failed(Hop.Ingress, seen, Failures.IngressUnexpectedAnswer, context);
        }

        return HopResult.Passed(Hop.Ingress, $"refused an export without a token ({probe.WithoutToken}) and with a wrong one ({probe.WrongToken}), accepted the stack's token ({probe.RightToken})");
    }

    public static HopResult NotChecked(Hop hop, DiagnosisContext context) =>
        HopResult.Failed(hop, "not checked", Failures.NotChecked, context);

    public static HopResult Collector(CanaryTrace trace, BackendLooks? looks, DiagnosisContext context)
    {
        if (!trace.Accepted)
        {
            var answers = trace.Exports.Count == 0 ? "no export was sent" : string.Join(", ", trace.Exports);
            return HopResult.Failed(Hop.Collector, $"the canary's exports were answered: {answers}{(trace.Flushed ? "" : "; the flush timed out")}", Failures.CanaryRefused, context);
        }

        var inXRay = looks is not null && looks.XRay.Last is { Count: > 0 };
        var inAzure = looks is not null && looks.Azure.Last is { Count: > 0 };
        var taken = $"took the canary trace {trace.TraceId} ({trace.Exports.Count} exports accepted)";
        if (inXRay || inAzure)
        {
            var where = inXRay && inAzure ? "X-Ray and Application Insights" : inXRay ? "X-Ray" : "Application Insights";
            return HopResult.Passed(Hop.Collector, $"{taken} and exported it: seen in {where}");
        }

        // Seen nowhere: the collector lost it only if both backends could be read; otherwise the lines below say why not.
        if (looks is not null && looks.XRay.Error is null && looks.Azure.Error is null)
        {
            return HopResult.Failed(Hop.Collector, $"{taken}, but no backend has any of it", Failures.CanaryLost, context);
        }

        return HopResult.Passed(Hop.Collector, $"{taken}; where it went is unknown, as a backend could not be read");
    }

    public static HopResult XRay(CanaryTrace trace, PollResult<IReadOnlyList<Aws.FoundSpan>> look, XRayExport export, TimeSpan timeout, DiagnosisContext context)
    {
        var where = export == XRayExport.Otlp ? "the aws/spans log group" : "BatchGetTraces";
        if (look.Done)
        {
            return HopResult.Passed(Hop.XRay, $"both spans in {where} after {Durations.Format(look.DoneAt!.Value - trace.SentAt)}");
        }

        if (look.Error is { } error && look.Last is null)
        {
            return HopResult.Failed(Hop.XRay, $"{where}: {error.Message}", Failures.XRayQueryFailed, context);
        }

        var found = look.Last?.Count(s => s.SpanId == trace.AwsSpanId || s.SpanId == trace.AzureSpanId) ?? 0;
        return found == 0
            ? HopResult.Failed(Hop.XRay, $"not in {where} after {Durations.Format(timeout)}", Failures.XRayMissing, context)
            : HopResult.Failed(Hop.XRay, $"{found} of 2 spans in {where} after {Durations.Format(timeout)}", Failures.XRayPartial, context);
    }

    public static HopResult Azure(CanaryTrace trace, PollResult<IReadOnlyList<AppInsightsRow>> look, bool xrayHasIt, TimeSpan timeout, DiagnosisContext context)
    {
        if (look.Error is { } error && look.Last is null)
        {
            return HopResult.Failed(Hop.AzureMonitor, error.Message, Failures.AzureQueryFailed, context);
        }

        var rows = look.Last ?? [];
        var request = rows.FirstOrDefault(r => r.Table == AppInsightsRow.Requests);
        var dependency = rows.FirstOrDefault(r => r.Table == AppInsightsRow.Dependencies);
        if (request is null && dependency is null)
        {
            var detail = $"neither the request nor the dependency in Application Insights after {Durations.Format(timeout)}" + (xrayHasIt ? ", while X-Ray has the trace" : "");
            return HopResult.Failed(Hop.AzureMonitor, detail, Failures.AzureMissing, context);
        }

        if (request is null || dependency is null)
        {
            var missing = request is null ? "request (Azure side's SERVER span)" : "dependency (AWS side's CLIENT span)";
            return HopResult.Failed(Hop.AzureMonitor, $"no {missing} in Application Insights after {Durations.Format(timeout)}", Failures.AzurePartial, context);
        }

        if (!dependency.Name.EndsWith(CanarySender.Route, StringComparison.Ordinal))
        {
            return HopResult.Failed(Hop.AzureMonitor, $"the dependency is named '{dependency.Name}', not 'POST {CanarySender.Route}'", Failures.AzureDependencyUnnamed, context);
        }

        return HopResult.Passed(Hop.AzureMonitor, $"request '{request.Name}' and dependency '{dependency.Name}' after {Durations.Format(look.DoneAt!.Value - trace.SentAt)}");
    }
}
