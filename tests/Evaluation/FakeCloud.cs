using Moq;

namespace Infra.Tests.Evaluation;

/// <summary>
/// A Moq resource monitor that answers per resource type with plausible fake outputs, as the
/// provider would after a create. Every resource also gets an <c>id</c>; AWS resources an <c>arn</c>.
/// </summary>
public static class FakeCloud
{
    public const string FakeConnectionString = "InstrumentationKey=fake-key-for-tests;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/";

    public const string SsmKeyArn = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555";

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
            case "aws:servicediscovery:PrivateDnsNamespace":
                outputs["id"] = "ns-0123456789abcdef";
                break;
            case "aws:lb:LoadBalancer":
                outputs["dnsName"] = $"{r.Name}-0123456789.elb.eu-west-1.amazonaws.com";
                break;
        }
        return outputs;
    }

    private static string? Text(ResourceRegistration r, string key) =>
        r.Inputs.TryGetValue(key, out var value) ? ProgramEvaluator.Unwrap(value) as string : null;
}
