namespace Infra.Model.Azure;

/// <summary><c>azure-native:keyvault:Secret</c>, written through ARM (a control-plane write).</summary>
public sealed class KeyVaultSecret(string name, KeyVaultSecretArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "azure-native:keyvault:Secret";

    /// <summary>The versionless URI: a Key Vault reference to it follows the latest version.</summary>
    public Output<string> SecretUri => new(new OutputReference(Name, "properties.secretUri"));
}

public sealed record KeyVaultSecretArgs
{
    public required Input<string> ResourceGroupName { get; init; }

    public required Input<string> VaultName { get; init; }

    public required string SecretName { get; init; }

    public required KeyVaultSecretPropertiesArgs Properties { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record KeyVaultSecretPropertiesArgs
{
    /// <summary>ARM never returns it; a secret input stays secret in state.</summary>
    public required Input<string> Value { get; init; }

    public string? ContentType { get; init; }
}
