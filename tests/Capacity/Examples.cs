using Infra.Capacity;
using Infra.Cost;
using Infra.Settings.Topology;

namespace Infra.Tests.Capacity;

/// <summary>The prod-like stack the issue describes.</summary>
public static class Examples
{
    /// <summary>1000 traces/s x 8 spans x 600 bytes, 1% errors, 2% slow.</summary>
    public static TrafficProfile ProdTraffic(double tracesPerSecond = 1000, double spansPerTrace = 8) =>
        new(tracesPerSecond, spansPerTrace, 600, 0.01, 0.02);

    /// <summary>5% baseline, 10 s decision wait.</summary>
    public static SamplingProfile ProdSampling(double percentage = 5, int decisionWaitSeconds = 10) => new(percentage, decisionWaitSeconds);

    /// <summary>Peak at twice the average, tasks over three availability zones, one of them lost (production).</summary>
    public static PlanningProfile ProdPlanning(double peakFactor = 2, int zones = 3, bool loseZone = true) => new(peakFactor, zones, loseZone);

    /// <summary>2..4 routers of 1 vCPU / 2048 MiB, 2..6 samplers of 2 vCPU / 4096 MiB.</summary>
    public static CollectorTopology ProdTiers() => CollectorTopology.Tiered(new TierSize(1024, 2048, 2, 4), new TierSize(2048, 4096, 2, 6));

    public static CapacityReport ProdCapacity() => CapacityModel.Compute(ProdTraffic(), ProdSampling(), ProdTiers(), ProdPlanning());

    /// <summary>One NLB with 200 long-lived TCP connections; 12 alarms, 1 dashboard, 4 custom metrics, 2 Advanced parameters; X-Ray over OTLP at 1% indexing; 3 zones behind a NAT gateway.</summary>
    public static CostInputs ProdCostInputs(string awsRegion = "eu-west-1", string azureLocation = "westeurope", CpuArchitecture architecture = CpuArchitecture.ARM64, XrayPath? xray = null) =>
        new(awsRegion, azureLocation, architecture, new StackInventory(1, 12, 1, 4, 2), new LoadBalancerTraffic(1, 200, false), xray ?? XrayPath.Otlp(1), new NetworkPath(3, NatGatewayEgress: true));
}
