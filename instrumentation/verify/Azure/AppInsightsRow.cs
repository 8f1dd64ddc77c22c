namespace Multicloud.Verify.Azure;

/// <summary>One row of AppRequests or AppDependencies for the canary trace.</summary>
internal sealed record AppInsightsRow(string Table, string Name, string? Id, string? ParentId, string? RoleName)
{
    public const string Requests = "AppRequests";
    public const string Dependencies = "AppDependencies";
}
