namespace Infra.Model.Azure;

/// <summary><c>azure-native:applicationinsights:Component</c>: workspace-based Application Insights.</summary>
public sealed class ApplicationInsightsComponent(string name, ApplicationInsightsComponentArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "azure-native:applicationinsights:Component";

    /// <summary>The provider does not mark these secret; they grant ingestion, so the program does.</summary>
    public override IReadOnlyList<string> SecretOutputs => ["connectionString", "instrumentationKey"];

    public Output<string> ConnectionString => OutputOf<string>("connectionString");

    public Output<string> ComponentName => OutputOf<string>("name");

    /// <summary>The ARM resource id: what its rows in the workspace carry as <c>_ResourceId</c>.</summary>
    public Output<string> Id => OutputOf<string>("id");
}

public sealed record ApplicationInsightsComponentArgs
{
    public required Input<string> ResourceGroupName { get; init; }

    public Input<string>? ResourceName { get; init; }

    public required Input<string> Location { get; init; }

    public required string Kind { get; init; }

    public required string ApplicationType { get; init; }

    public required Input<string> WorkspaceResourceId { get; init; }

    public required string IngestionMode { get; init; }

    /// <summary>False: the collector's azuremonitor exporter authenticates with the connection string's key.</summary>
    public bool? DisableLocalAuth { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
