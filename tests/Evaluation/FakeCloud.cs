using Moq;

namespace Infra.Tests.Evaluation;

/// <summary>
/// A Moq resource monitor that answers per resource type with plausible fake outputs, as the
/// provider would after a create. Every resource also gets an <c>id</c>; AWS resources an <c>arn</c>.
/// </summary>
public static class FakeCloud
{
    public const string FakeConnectionString = "InstrumentationKey=fake-key-for-tests;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/";

    public const string AccountId = "123456789012";

    public const string SsmKeyArn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555";

    public const string TenantId = "72f988bf-0000-4000-8000-000000000001";

    public const string SubscriptionId = "a925f2f7-0000-4000-8000-000000000002";

    /// <summary>What a RandomPassword named <paramref name="resource"/> generates here: recognisable wherever it leaks.</summary>
    public static string FakePassword(string resource) => $"FakePassword4{resource.Replace("-", "", StringComparison.Ordinal)}";

    public static Mock<IResourceMonitor> Create()
    {
        var monitor = new Mock<IResourceMonitor>(MockBehavior.Strict);
        monitor.Setup(m => m.RegisterResource(It.IsAny<ResourceRegistration>()))
            .Returns((ResourceRegistration r) => Outputs(r));
        monitor.Setup(m => m.Invoke("aws:kms:getAlias", It.IsAny<IReadOnlyDictionary<string, object?>>()))
            .Returns((string _, IReadOnlyDictionary<string, object?> args) => new Dictionary<string, object?>
            {
                ["arn"] = $"arn:aws:kms:eu-west-1:123456789012:{args["name"]}",
                ["targetKeyArn"] = SsmKeyArn,
            });
        monitor.Setup(m => m.Invoke("aws:getCallerIdentity", It.IsAny<IReadOnlyDictionary<string, object?>>()))
            .Returns(new Dictionary<string, object?> { ["accountId"] = AccountId, ["arn"] = $"arn:aws:iam::{AccountId}:role/deployer", ["userId"] = "AROAFAKE" });
        monitor.Setup(m => m.Invoke("aws:getPartition", It.IsAny<IReadOnlyDictionary<string, object?>>()))
            .Returns(new Dictionary<string, object?> { ["partition"] = "aws", ["dnsSuffix"] = "amazonaws.com" });
        monitor.Setup(m => m.Invoke("azure-native:authorization:getClientConfig", It.IsAny<IReadOnlyDictionary<string, object?>>()))
            .Returns((string _, IReadOnlyDictionary<string, object?> args) => args.Count > 0
                ? throw new EvaluationException("azure-native:authorization:getClientConfig takes no arguments.")
                : new Dictionary<string, object?>
                {
                    ["clientId"] = "00000000-0000-4000-8000-00000000000c",
                    ["objectId"] = "00000000-0000-4000-8000-00000000000d",
                    ["subscriptionId"] = SubscriptionId,
                    ["tenantId"] = TenantId,
                });
        return monitor;
    }

    private static Dictionary<string, object?> Outputs(ResourceRegistration r)
    {
        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal) { ["id"] = $"{r.Name}-id" };
        if (r.Type.StartsWith("aws:", StringComparison.Ordinal))
        {
            outputs["arn"] = $"arn:aws:fake:eu-west-1:123456789012:{r.Name}";
        }
        switch (r.Type)
        {
            case "random:RandomString":
                outputs["result"] = "abc123";
                break;
            case "random:RandomPassword":
                outputs["result"] = FakePassword(r.Name);
                outputs["bcryptHash"] = "$2a$10$fakefakefakefakefakefake";
                break;
            case "azure-native:keyvault:Vault":
                outputs["name"] = Text(r, "vaultName");
                outputs["id"] = $"/subscriptions/{SubscriptionId}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/{outputs["name"]}";
                outputs["properties"] = new Dictionary<string, object?> { ["vaultUri"] = $"https://{outputs["name"]}.vault.azure.net/" };
                break;
            case "azure-native:keyvault:Secret":
                // ARM never returns the value: the properties output holds only URIs and attributes.
                var secretUri = $"https://{Text(r, "vaultName")}.vault.azure.net/secrets/{Text(r, "secretName")}";
                outputs["properties"] = new Dictionary<string, object?> { ["secretUri"] = secretUri, ["secretUriWithVersion"] = $"{secretUri}/0123456789abcdef" };
                break;
            case "azure-native:authorization:RoleAssignment":
                outputs["name"] = $"{r.Name}-guid";
                break;
            case "azure-native:resources:ResourceGroup":
                outputs["name"] = Text(r, "resourceGroupName") ?? $"{r.Name}-name";
                outputs["id"] = $"/subscriptions/fake/resourceGroups/{outputs["name"]}";
                break;
            case "azure-native:operationalinsights:Workspace":
                outputs["name"] = Text(r, "workspaceName");
                outputs["id"] = $"/subscriptions/fake/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/{outputs["name"]}";
                outputs["customerId"] = "11111111-2222-3333-4444-555555555555";
                break;
            case "azure-native:applicationinsights:Component":
                outputs["name"] = Text(r, "resourceName");
                outputs["id"] = $"/subscriptions/{SubscriptionId}/resourceGroups/rg/providers/Microsoft.Insights/components/{outputs["name"]}";
                outputs["connectionString"] = FakeConnectionString;
                outputs["instrumentationKey"] = "00000000-fake-fake-fake-000000000000";
                outputs["appId"] = "app-id";
                break;
            case "aws:ssm:Parameter":
                outputs["arn"] = $"arn:aws:ssm:eu-west-1:123456789012:parameter{Text(r, "name")}";
                break;
            case "aws:iam:Role":
                outputs["name"] = $"{r.Name}-1a2b3c4";
                outputs["arn"] = $"arn:aws:iam::123456789012:role/{outputs["name"]}";
                break;
            case "aws:cloudwatch:LogGroup":
                outputs["arn"] = $"arn:aws:logs:eu-west-1:123456789012:log-group:{Text(r, "name")}";
                break;
            case "aws:ecs:Cluster":
            case "aws:ecs:Service":
                outputs["name"] = $"{r.Name}-1a2b3c4";
                break;
            case "aws:kms:Key":
                outputs["keyId"] = "0a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";
                outputs["arn"] = $"arn:aws:kms:eu-west-1:123456789012:key/{outputs["keyId"]}";
                break;
            case "aws:s3:Bucket":
                outputs["bucket"] = $"{Text(r, "bucketPrefix")}20261207000000000000000001";
                outputs["arn"] = $"arn:aws:s3:::{outputs["bucket"]}";
                break;
            case "aws:ecr:PullThroughCacheRule":
                // The provider reports the registry (the account) the cache serves from.
                outputs["registryId"] = "123456789012";
                break;
            case "aws:servicediscovery:PrivateDnsNamespace":
                outputs["id"] = "ns-0123456789abcdef";
                break;
            case "aws:lb:LoadBalancer":
                outputs["dnsName"] = $"{r.Name}-0123456789.elb.eu-west-1.amazonaws.com";
                outputs["arnSuffix"] = $"net/{r.Name}/0123456789abcdef";
                break;
            case "aws:lb:TargetGroup":
                outputs["arnSuffix"] = $"targetgroup/{r.Name}/fedcba9876543210";
                break;
            case "aws:sns:Topic":
                outputs["arn"] = $"arn:aws:sns:eu-west-1:123456789012:{Text(r, "name")}";
                break;
            case "azure-native:monitor:ActionGroup":
                outputs["id"] = $"/subscriptions/{SubscriptionId}/resourceGroups/rg/providers/Microsoft.Insights/actionGroups/{Text(r, "actionGroupName")}";
                break;
        }
        return outputs;
    }

    private static string? Text(ResourceRegistration r, string key) =>
        r.Inputs.TryGetValue(key, out var value) ? ProgramEvaluator.Unwrap(value) as string : null;
}
