namespace Infra.Model.Azure;

/// <summary><c>azure-native:resources:ResourceGroup</c>.</summary>
public sealed class ResourceGroup(string name, ResourceGroupArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "azure-native:resources:ResourceGroup";

    public Output<string> ResourceGroupName => OutputOf<string>("name");
}

public sealed record ResourceGroupArgs
{
    public Input<string>? ResourceGroupName { get; init; }

    public required Input<string> Location { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
