using Infra.Settings.Topology;

namespace Infra.Cost;

/// <summary>What a price is for; each item is billed in its own unit.</summary>
public enum PriceItem
{
    FargateVcpuHour,
    FargateGbHour,
    NlbHour,
    NlbCapacityUnitHour,
    XRayTraceRecorded,
    TransactionSearchSpanGbIngested,
    TransactionSearchSpanIndexed,
    LogAnalyticsGbIngested,
    DataTransferInterAzGb,
    DataTransferOutGb,
    NatGatewayGbProcessed,
    CloudWatchAlarmMonth,
    CloudWatchDashboardMonth,
    CloudWatchCustomMetricMonth,
    SsmAdvancedParameterMonth,
}

/// <summary>
/// One list price (USD) for one region, with where it was read and when. <see cref="Architecture"/> is set only for
/// prices that differ by CPU architecture (Fargate). <see cref="FreeUnitsPerMonth"/> is the monthly free allowance.
/// </summary>
public sealed record Price(
    PriceItem Item,
    string Region,
    CpuArchitecture? Architecture,
    decimal UnitPrice,
    string Unit,
    decimal FreeUnitsPerMonth,
    string Source,
    DateOnly Read,
    string? Note = null);
