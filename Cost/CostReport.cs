using Infra.Settings.Topology;

namespace Infra.Cost;

/// <summary>
/// One monthly line item with the configured sampling and with every trace kept. A line without a price for its region
/// has null costs and says so; quantities are always computed.
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
    public bool IsPriced => Price is not null;

    public decimal? Saving => KeepAllCost - SampledCost;
}

public sealed record CostReport(
    string AwsRegion,
    string AzureLocation,
    CpuArchitecture Architecture,
    double KeptTraceShare,
    IReadOnlyList<CostLine> Lines)
{
    public IReadOnlyList<CostLine> UnpricedLines => Lines.Where(l => !l.IsPriced).ToList();

    /// <summary>Sum of the priced lines; see <see cref="UnpricedLines"/> for what it leaves out.</summary>
    public decimal SampledTotal => Lines.Sum(l => l.SampledCost ?? 0);

    public decimal KeepAllTotal => Lines.Sum(l => l.KeepAllCost ?? 0);

    public decimal Saving => KeepAllTotal - SampledTotal;
}
