using Infra.Components;
using Infra.Model;
using Infra.Tests.Evaluation;

namespace Infra.Tests.Components.Azure;

/// <summary>The cross-wire from AWS to Azure: the vault, its secrets, who may read them, and the outputs.</summary>
public class KeyVaultTests
{
    private static readonly EvaluatedProgram Dev = TestSupport.Evaluate("dev");
    private static readonly EvaluatedProgram Prod = TestSupport.Evaluate("prod");

    private static Dictionary<string, object?> Properties(RegisteredResource resource) => (Dictionary<string, object?>)resource.Inputs["properties"]!;

    private static object? Protect(string stack, string resource) =>
        ((Dictionary<string, object?>)((Dictionary<string, object?>)((Dictionary<string, object?>)YamlTree.ParseMap(TestSupport.Synth(stack))["resources"]!)[resource]!)["options"]!)
            .GetValueOrDefault("protect");

    [Fact]
    public void The_vault_uses_rbac_and_soft_delete_in_the_tenant_the_provider_is_signed_in_to()
    {
        var vault = Dev.Single("azure-native:keyvault:Vault");
        var properties = Properties(vault);

        Assert.Equal("kv-dev-abc123", vault.Inputs["vaultName"]);
        Assert.Equal(Dev.Single("azure-native:resources:ResourceGroup").State["name"], vault.Inputs["resourceGroupName"]);
        Assert.Equal("westeurope", vault.Inputs["location"]);
        Assert.Equal(FakeCloud.TenantId, properties["tenantId"]);
        Assert.Equal(new Dictionary<string, object?> { ["family"] = "A", ["name"] = "standard" }, properties["sku"]);
        Assert.Equal(true, properties["enableRbacAuthorization"]);
        Assert.Equal(true, properties["enableSoftDelete"]);
        Assert.Equal(7L, properties["softDeleteRetentionInDays"]);
        Assert.False(properties.ContainsKey("enablePurgeProtection"));
        Assert.Null(Protect("dev", "key-vault"));
    }

    [Fact]
    public void Production_turns_on_purge_protection_keeps_deleted_secrets_90_days_and_protects_the_vault()
    {
        var properties = Properties(Prod.Single("azure-native:keyvault:Vault"));
        Assert.Equal(true, properties["enablePurgeProtection"]);
        Assert.Equal(90L, properties["softDeleteRetentionInDays"]);
        Assert.Equal(true, Protect("prod", "key-vault"));
    }

    [Fact]
    public void The_vault_holds_both_endpoints_the_token_and_the_ready_header()
    {
        var secrets = Prod.OfType("azure-native:keyvault:Secret").ToDictionary(s => (string)s.Inputs["secretName"]!, s => Properties(s)["value"]);
        var token = FakeCloud.FakePassword("ingress-token-slot-1");

        Assert.Equal(
            new Dictionary<string, object?>
            {
                ["otlp-grpc-endpoint"] = "https://otlp.prod.example.com:4317",
                ["otlp-http-endpoint"] = "https://otlp.prod.example.com:4318",
                ["otlp-ingress-token"] = new Secret(token),
                ["otlp-headers"] = new Secret($"Authorization=Bearer%20{token}"),
            },
            secrets);
        Assert.All(Prod.OfType("azure-native:keyvault:Secret"), s => Assert.Equal("kv-prod-abc123", s.Inputs["vaultName"]));
    }

    [Fact]
    public void Each_named_principal_may_read_secrets_of_this_vault_and_nothing_more()
    {
        var assignment = Assert.Single(Prod.OfType("azure-native:authorization:RoleAssignment"));

        Assert.Equal("00000000-0000-4000-8000-0000000000a1", assignment.Inputs["principalId"]);
        Assert.Equal("ServicePrincipal", assignment.Inputs["principalType"]);
        Assert.Equal($"/subscriptions/{FakeCloud.SubscriptionId}/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6", assignment.Inputs["roleDefinitionId"]);
        Assert.Equal(Prod.Single("azure-native:keyvault:Vault").State["id"], assignment.Inputs["scope"]);
        Assert.Empty(Dev.OfType("azure-native:authorization:RoleAssignment"));
    }

    [Fact]
    public void Two_principals_get_two_assignments_named_after_them()
    {
        var directory = TestSupport.StackDirectoryWith("test", TestSupport.DevStackWith(
            ("otel-multicloud:keyVaultReaderPrincipalIds", """["11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"]""")));
        var result = TestSupport.RunCli(["synth", "--stack", "test", "--flat"], projectDirectory: directory);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var program = new ProgramEvaluator(FakeCloud.Create().Object).Evaluate(result.Stdout);

        Assert.Equal(
            ["key-vault-secrets-user-11111111-1111-4111-8111-111111111111", "key-vault-secrets-user-22222222-2222-4222-8222-222222222222"],
            program.OfType("azure-native:authorization:RoleAssignment").Select(a => a.Name).Order());
    }

    [Fact]
    public void Outputs_give_the_vault_and_secret_uris_and_the_parameter_arns_none_of_them_secret()
    {
        var outputs = Prod.Outputs;
        Assert.Equal("https://kv-prod-abc123.vault.azure.net/", outputs["keyVaultUri"]);
        Assert.Equal("https://kv-prod-abc123.vault.azure.net/secrets/otlp-grpc-endpoint", outputs["otlpGrpcEndpointSecretUri"]);
        Assert.Equal("https://kv-prod-abc123.vault.azure.net/secrets/otlp-http-endpoint", outputs["otlpHttpEndpointSecretUri"]);
        Assert.Equal("https://kv-prod-abc123.vault.azure.net/secrets/otlp-ingress-token", outputs["otlpIngressTokenSecretUri"]);
        Assert.Equal("https://kv-prod-abc123.vault.azure.net/secrets/otlp-headers", outputs["otlpHeadersSecretUri"]);
        Assert.Equal("arn:aws:ssm:eu-west-1:123456789012:parameter/otel-multicloud/prod/ingress-token", outputs["ingressTokenParameterArn"]);
        Assert.Equal("arn:aws:ssm:eu-west-1:123456789012:parameter/otel-multicloud/prod/otlp-headers", outputs["otlpHeadersParameterArn"]);
        Assert.Equal(
            ["applicationInsightsConnectionString"],
            outputs.Where(output => output.Value is Secret).Select(output => output.Key));
    }

    [Theory]
    [InlineData("dev", "kv-dev-")]
    [InlineData("a--b", "kv-a-b-")]
    [InlineData("platform-observabil", "kv-platform-obser-")]
    [InlineData("platform-o-x", "kv-platform-o-x-")]
    [InlineData("abcdefghijklm-opqrst", "kv-abcdefghijklm-")]
    public void Vault_names_fit_24_characters_of_letters_digits_and_single_hyphens(string stack, string stem)
    {
        Assert.Equal(stem, KeyVaultNames.Stem(stack));
        var name = stem + "abc123";
        Assert.InRange(name.Length, 3, KeyVaultNames.MaxLength);
        Assert.DoesNotContain("--", name);
        Assert.Matches("^[a-z][a-z0-9-]+[a-z0-9]$", name);
    }
}
