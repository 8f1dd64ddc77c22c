namespace Infra.Model.Azure;

/// <summary><c>azure-native:operationalinsights:Workspace</c>: the Log Analytics workspace.</summary>
public sealed class Workspace(string name, WorkspaceArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "azure-native:operationalinsights:Workspace";

    /// <summary>The ARM resource id, what a workspace-based component points at.</summary>
    public Output<string> Id => OutputOf<string>("id");
}

public sealed record WorkspaceArgs
{
    public required Input<string> ResourceGroupName { get; init; }

    public Input<string>? WorkspaceName { get; init; }

    public required Input<string> Location { get; init; }

    public required WorkspaceSkuArgs Sku { get; init; }

    public required int RetentionInDays { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record WorkspaceSkuArgs
{
    /// <summary>Pay-as-you-go per GB; the only SKU new workspaces can take.</summary>
    public required string Name { get; init; }
}
