using Infra.Model;
using Infra.Tests.Evaluation;
using Moq;

namespace Infra.Tests.Components.Azure;

/// <summary>The Azure half, evaluated through the mocked resource monitor.</summary>
public class AzureMonitorTests
{
    [Fact]
    public void Workspace_is_pay_per_gb_with_the_stack_retention()
    {
        var dev = TestSupport.Evaluate("dev").Single("azure-native:operationalinsights:Workspace");
        var prod = TestSupport.Evaluate("prod").Single("azure-native:operationalinsights:Workspace");

        Assert.Equal("PerGB2018", ((Dictionary<string, object?>)dev.Inputs["sku"]!)["name"]);
        Assert.Equal(30L, dev.Inputs["retentionInDays"]);
        Assert.Equal(90L, prod.Inputs["retentionInDays"]);
    }

    [Fact]
    public void Application_insights_is_workspace_based_web_component()
    {
        var program = TestSupport.Evaluate("dev");
        var component = program.Single("azure-native:applicationinsights:Component");
        var workspace = program.Single("azure-native:operationalinsights:Workspace");
        var group = program.Single("azure-native:resources:ResourceGroup");

        Assert.Equal("web", component.Inputs["kind"]);
        Assert.Equal("web", component.Inputs["applicationType"]);
        Assert.Equal("LogAnalytics", component.Inputs["ingestionMode"]);
        Assert.Equal(workspace.State["id"], component.Inputs["workspaceResourceId"]);
        Assert.Equal(group.State["name"], component.Inputs["resourceGroupName"]);
        Assert.Equal(false, component.Inputs["disableLocalAuth"]);
    }

    [Fact]
    public void Names_carry_the_random_suffix()
    {
        var program = TestSupport.Evaluate("dev");
        Assert.Equal("appi-otel-dev-abc123", program.Single("azure-native:applicationinsights:Component").Inputs["resourceName"]);
        Assert.Equal("log-otel-dev-abc123", program.Single("azure-native:operationalinsights:Workspace").Inputs["workspaceName"]);
        Assert.Equal(6L, program.Single("random:RandomString").Inputs["length"]);
    }

    [Fact]
    public void Connection_string_and_key_are_secret_outputs()
    {
        var component = TestSupport.Evaluate("dev").Single("azure-native:applicationinsights:Component");

        Assert.Equal(new Secret(FakeCloud.FakeConnectionString), component.State["connectionString"]);
        Assert.IsType<Secret>(component.State["instrumentationKey"]);
        Assert.IsNotType<Secret>(component.State["appId"]);
    }

    [Fact]
    public void Stack_outputs_keep_the_connection_string_secret()
    {
        var outputs = TestSupport.Evaluate("prod").Outputs;

        Assert.Equal(new Secret(FakeCloud.FakeConnectionString), outputs["applicationInsightsConnectionString"]);
        Assert.Equal("appi-otel-prod-abc123", outputs["applicationInsightsName"]);
        Assert.StartsWith("/subscriptions/", (string)outputs["logAnalyticsWorkspaceId"]!);
    }

    [Fact]
    public void Prod_protects_the_telemetry_store_and_dev_does_not()
    {
        var prod = YamlTree.ParseMap(TestSupport.Synth("prod"));
        var dev = YamlTree.ParseMap(TestSupport.Synth("dev"));

        static object? Protect(Dictionary<string, object?> program, string resource) =>
            ((Dictionary<string, object?>)((Dictionary<string, object?>)((Dictionary<string, object?>)program["resources"]!)[resource]!)["options"]!)
                .GetValueOrDefault("protect");

        Assert.Equal(true, Protect(prod, "application-insights"));
        Assert.Equal(true, Protect(prod, "log-analytics-workspace"));
        Assert.Null(Protect(dev, "application-insights"));
    }

    [Fact]
    public void Every_resource_is_registered_once_after_what_it_references()
    {
        var monitor = FakeCloud.Create();
        var program = new ProgramEvaluator(monitor.Object).Evaluate(TestSupport.Synth("dev"));

        monitor.Verify(m => m.RegisterResource(It.IsAny<ResourceRegistration>()), Times.Exactly(program.Resources.Count));
        var order = program.RegistrationOrder.ToList();
        Assert.True(order.IndexOf("log-analytics-workspace") < order.IndexOf("application-insights"));
        Assert.True(order.IndexOf("azure-name-suffix") < order.IndexOf("resource-group"));
    }
}
