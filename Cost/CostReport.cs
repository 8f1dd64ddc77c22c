using Infra.Cost.Billing;
using Infra.Settings.Topology;

namespace Infra.Cost;

/// <summary>
/// One monthly line item with the configured sampling and with every trace kept. A line without a price for its region
/// has null costs and makes the total partial, unless it bills nothing (both quantities zero), which costs nothing
/// whatever its price. Quantities are always computed.
/// </summary>
public sealed record CostLine(
    string Item,
    string Region,
    string Unit,
    double SampledQuantity,
    double KeepAllQuantity,
    Price? Price,
    decimal? SampledCost,
    decimal? KeepAllCost)
{
    public static CostLine Of(string item, string region, string unit, double sampled, double keepAll, Price? price)
    {
        var nothingBilled = sampled == 0 && keepAll == 0;
        return new CostLine(item, region, unit, sampled, keepAll, price,
            nothingBilled ? 0m : Cost(price, sampled), nothingBilled ? 0m : Cost(price, keepAll));
    }

    public bool IsPriced => SampledCost is not null;

    /// <summary>Nothing to bill, with no price found for the region: costs nothing either way.</summary>
    public bool NothingBilled => Price is null && SampledQuantity == 0 && KeepAllQuantity == 0;

    public decimal? Saving => KeepAllCost - SampledCost;

    private static decimal? Cost(Price? price, double quantity) =>
        price is null ? null : Math.Max(0m, (decimal)quantity - price.FreeUnitsPerMonth) * price.UnitPrice;
}

/// <summary>A tier's task counts in the plan: the minimum, priced all month, and the count the autoscaler keeps at peak.</summary>
public sealed record TierTasks(string Tier, int MinTasks, int PeakTasks, decimal? HourlyPerTask)
{
    /// <summary>What each hour at peak adds over the minimum; null without a Fargate price.</summary>
    public decimal? PeakHourExtra => HourlyPerTask * (PeakTasks - MinTasks);
}

public sealed record CostReport(
    string AwsRegion,
    string AzureLocation,
    CpuArchitecture Architecture,
    double KeptTraceShare,
    XrayPath Xray,
    NetworkPath Network,
    BilledSpanBytes SpanBytes,
    IReadOnlyList<TierTasks> Tasks,
    IReadOnlyList<CostLine> Lines)
{
    public IReadOnlyList<CostLine> UnpricedLines => Lines.Where(l => !l.IsPriced).ToList();

    /// <summary>Some line has no price for its region: the totals leave it out and must say so.</summary>
    public bool Partial => UnpricedLines.Count > 0;

    /// <summary>Sum of the priced lines; see <see cref="UnpricedLines"/> for what it leaves out.</summary>
    public decimal SampledTotal => Lines.Sum(l => l.SampledCost ?? 0);

    public decimal KeepAllTotal => Lines.Sum(l => l.KeepAllCost ?? 0);

    public decimal Saving => KeepAllTotal - SampledTotal;

    /// <summary>What each hour at peak adds over the minimum counts, across the tiers; null when a tier has no Fargate price.</summary>
    public decimal? PeakHourExtra => Tasks.Any(t => t.PeakHourExtra is null) ? null : Tasks.Sum(t => t.PeakHourExtra!.Value);
}
