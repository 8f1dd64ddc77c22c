using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;

namespace Multicloud.Tracing;

/// <summary>
/// The process-wide parts of tracing, which .NET and OpenTelemetry keep in statics rather than per provider.
/// </summary>
internal static class ProcessWideTracing
{
    public static void Apply(TracingSettings settings)
    {
        // W3C traceparent/tracestate and baggage, both for OpenTelemetry's instrumentations and for the runtime's
        // own HttpClient and ASP.NET Core propagation. Neither reads or writes X-Amzn-Trace-Id.
        Sdk.SetDefaultTextMapPropagator(new CompositeTextMapPropagator([new TraceContextPropagator(), new BaggagePropagator()]));
        DistributedContextPropagator.Current = DistributedContextPropagator.CreateW3CPropagator();

        // The runtime calls this only for an activity without a parent, local or remote: continued traces keep
        // their ID. OpenTelemetry .NET has no ID generator of its own; Activity's is the one hook.
        if (settings.XRayCompatibleTraceIds)
        {
            Activity.TraceIdGenerator = XRayTraceIds.Create;
        }
    }
}
