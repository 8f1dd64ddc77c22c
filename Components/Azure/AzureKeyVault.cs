using Infra.Model;
using Infra.Model.Azure;
using Infra.Settings;

namespace Infra.Components.Azure;

/// <summary>A value the vault holds, under its secret name; a secret value stays secret.</summary>
public sealed record VaultEntry(string SecretName, Output<string> Value);

/// <summary>The secret names Azure senders find in the vault.</summary>
public static class OtlpVaultSecrets
{
    public const string GrpcEndpoint = "otlp-grpc-endpoint";
    public const string HttpEndpoint = "otlp-http-endpoint";
    public const string IngressToken = "otlp-ingress-token";

    /// <summary>OTEL_EXPORTER_OTLP_HEADERS as a whole: an app setting can be one Key Vault reference, never a reference plus text.</summary>
    public const string Headers = "otlp-headers";
}

public sealed record AzureKeyVaultArgs(
    string Stack,
    Output<string> ResourceGroupName,
    string Location,
    Output<string> NameSuffix,
    bool Production,
    IReadOnlyList<VaultEntry> Entries,
    IReadOnlyList<string> ReaderPrincipalIds,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The networks the vault's firewall admits; unrestricted: no firewall (non-production only, the settings rules hold it).</summary>
    public KeyVaultNetworks Networks { get; init; } = new([], []);

    /// <summary>Where the vault's audit log (every secret read) goes; null: nowhere.</summary>
    public Output<string>? AuditWorkspaceId { get; init; }
}

/// <summary>
/// The cross-wire from AWS to Azure: a Key Vault (Azure RBAC, soft delete; purge protection and
/// deletion protection on production) holding what Azure senders need to reach the collector, and a
/// Key Vault Secrets User role assignment per named principal, so App Service and Functions can use
/// <c>@Microsoft.KeyVault(SecretUri=...)</c> references.
/// </summary>
public sealed class AzureKeyVault
{
    public const string ComponentName = "azure-key-vault";

    /// <summary>Built-in "Key Vault Secrets User": getSecret and readMetadata on secrets, nothing else (azure-docs built-in-roles/security.md).</summary>
    public const string SecretsUserRoleId = "4633458b-17de-408a-b874-0445c86b69e6";

    public AzureKeyVault(PulumiProgram program, AzureKeyVaultArgs args)
    {
        Vault = program.Add(ComponentName, new KeyVault("key-vault", new KeyVaultArgs
        {
            ResourceGroupName = args.ResourceGroupName,
            VaultName = Interpolation.Of(KeyVaultNames.Stem(args.Stack), args.NameSuffix),
            Location = args.Location,
            Properties = new KeyVaultPropertiesArgs
            {
                TenantId = ClientConfig.TenantId,
                Sku = new KeyVaultSkuArgs { Family = "A", Name = "standard" },
                EnableRbacAuthorization = true,
                EnableSoftDelete = true,
                // A deleted dev vault frees its name after a week; production keeps the maximum.
                SoftDeleteRetentionInDays = args.Production ? 90 : 7,
                EnablePurgeProtection = args.Production ? true : null,
                // Only the named networks reach the secrets; trusted Azure services (App Service Key Vault references) bypass it.
                NetworkAcls = args.Networks.Restricted
                    ? new KeyVaultNetworkRuleSet("Deny", "AzureServices",
                        [.. args.Networks.IpRanges.Select(range => new KeyVaultIpRule(range))],
                        [.. args.Networks.SubnetIds.Select(subnet => new KeyVaultVirtualNetworkRule(subnet))])
                    : null,
            },
            Tags = args.Tags,
        }, new ResourceOptions { Protect = args.Production }));

        var uris = new Dictionary<string, Output<string>>(StringComparer.Ordinal);
        foreach (var entry in args.Entries)
        {
            var secret = program.Add(ComponentName, new KeyVaultSecret($"key-vault-{entry.SecretName}", new KeyVaultSecretArgs
            {
                ResourceGroupName = args.ResourceGroupName,
                VaultName = Vault.VaultName,
                SecretName = entry.SecretName,
                Properties = new KeyVaultSecretPropertiesArgs { Value = entry.Value, ContentType = "text/plain" },
                Tags = args.Tags,
            }));
            uris[entry.SecretName] = secret.SecretUri;
        }
        SecretUris = uris;

        if (args.AuditWorkspaceId is { } workspace)
        {
            // Who read the ingress token, and from where: AuditEvent logs every data-plane call (Key Vault logging docs).
            program.Add(ComponentName, new DiagnosticSetting("key-vault-audit", new DiagnosticSettingArgs
            {
                ResourceUri = Vault.Id,
                Name = "key-vault-audit",
                WorkspaceId = workspace,
                LogAnalyticsDestinationType = "Dedicated",
                Logs = [new DiagnosticLogSettings("AuditEvent", Enabled: true)],
            }));
        }

        var roleDefinitionId = JoinExpression.Of("/subscriptions/", ClientConfig.SubscriptionId, $"/providers/Microsoft.Authorization/roleDefinitions/{SecretsUserRoleId}");
        program.ExposeForRepeated(Vault.Id);
        foreach (var principalId in args.ReaderPrincipalIds)
        {
            program.AddRepeated("key-vault-reader", new RoleAssignment($"key-vault-secrets-user-{principalId}", new RoleAssignmentArgs
            {
                PrincipalId = principalId,
                PrincipalType = "ServicePrincipal",
                RoleDefinitionId = roleDefinitionId,
                Scope = Vault.Id,
                Description = "Reads the OTLP endpoints and ingress token of the otel-multicloud collector.",
            }));
        }
    }

    public KeyVault Vault { get; }

    /// <summary>Versionless secret URIs by secret name, for <c>@Microsoft.KeyVault(SecretUri=...)</c>.</summary>
    public IReadOnlyDictionary<string, Output<string>> SecretUris { get; }
}
