namespace Infra.Model.Azure;

/// <summary><c>azure-native:monitor:ActionGroup</c> (API 2024-10-01-preview): who an Azure alert notifies.</summary>
public sealed class ActionGroup(string name, ActionGroupArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "azure-native:monitor:ActionGroup";

    public Output<string> Id => OutputOf<string>("id");
}

public sealed record ActionGroupArgs
{
    public required Input<string> ResourceGroupName { get; init; }

    public required string ActionGroupName { get; init; }

    /// <summary>At most 12 characters; shown in the notifications.</summary>
    public required string GroupShortName { get; init; }

    public required bool Enabled { get; init; }

    /// <summary>Action groups are global resources.</summary>
    public required string Location { get; init; }

    public required IReadOnlyList<EmailReceiver> EmailReceivers { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>Names are unique within the group.</summary>
public sealed record EmailReceiver(string Name, string EmailAddress, bool UseCommonAlertSchema);
