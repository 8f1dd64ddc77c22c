namespace Infra.Model.Azure;

/// <summary><c>azure-native:keyvault:Vault</c>.</summary>
public sealed class KeyVault(string name, KeyVaultArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "azure-native:keyvault:Vault";

    /// <summary>The ARM resource id: the scope of role assignments on the vault.</summary>
    public Output<string> Id => OutputOf<string>("id");

    public Output<string> VaultName => OutputOf<string>("name");

    /// <summary>https://NAME.vault.azure.net/, the data-plane endpoint.</summary>
    public Output<string> VaultUri => new(new OutputReference(Name, "properties.vaultUri"));
}

public sealed record KeyVaultArgs
{
    public required Input<string> ResourceGroupName { get; init; }

    public Input<string>? VaultName { get; init; }

    public required Input<string> Location { get; init; }

    public required KeyVaultPropertiesArgs Properties { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record KeyVaultPropertiesArgs
{
    public required Input<string> TenantId { get; init; }

    public required KeyVaultSkuArgs Sku { get; init; }

    /// <summary>True: data-plane access through Azure RBAC role assignments, not access policies.</summary>
    public bool? EnableRbacAuthorization { get; init; }

    public bool? EnableSoftDelete { get; init; }

    /// <summary>7..90 days.</summary>
    public int? SoftDeleteRetentionInDays { get; init; }

    /// <summary>Irreversible, and the API accepts only true: left out (null) rather than false.</summary>
    public bool? EnablePurgeProtection { get; init; }

    /// <summary>The vault's firewall: default Deny admits only the listed addresses and subnets (and trusted Azure services).</summary>
    public KeyVaultNetworkRuleSet? NetworkAcls { get; init; }
}

public sealed record KeyVaultNetworkRuleSet(
    string DefaultAction,
    string Bypass,
    IReadOnlyList<KeyVaultIpRule> IpRules,
    IReadOnlyList<KeyVaultVirtualNetworkRule> VirtualNetworkRules);

public sealed record KeyVaultIpRule(string Value);

public sealed record KeyVaultVirtualNetworkRule(string Id);

public sealed record KeyVaultSkuArgs
{
    /// <summary>Always "A".</summary>
    public required string Family { get; init; }

    /// <summary>standard or premium.</summary>
    public required string Name { get; init; }
}
