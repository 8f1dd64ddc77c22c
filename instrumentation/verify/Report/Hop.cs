namespace Multicloud.Verify.Report;

/// <summary>The hops a canary crosses, in order; the report has one line for each.</summary>
internal enum Hop
{
    Ingress,
    Collector,
    XRay,
    AzureMonitor,
}

internal static class Hops
{
    public static IReadOnlyList<Hop> All { get; } = [Hop.Ingress, Hop.Collector, Hop.XRay, Hop.AzureMonitor];

    public static string Name(Hop hop) => hop switch
    {
        Hop.Ingress => "ingress",
        Hop.Collector => "collector",
        Hop.XRay => "X-Ray",
        Hop.AzureMonitor => "Azure Monitor",
        _ => throw new ArgumentOutOfRangeException(nameof(hop)),
    };
}
