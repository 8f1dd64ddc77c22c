using System.Text.Json;
using Infra.Capacity;
using Infra.Collector;
using Infra.Model;
using Infra.Model.Aws;
using Infra.Settings;
using Infra.Tests.Evaluation;

namespace Infra.Tests.Components.Runtime;

/// <summary>
/// The fleet built directly from typed args, one topology per test, its resources queried by type: the roles a
/// topology gives its tiers are the fleet's, whichever stack file asks for them.
/// </summary>
public class CollectorFleetTests
{
    private static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string> { ["project"] = "test" };

    private static EvaluatedProgram Fleet(CollectorTopology topology)
    {
        var program = new PulumiProgram("p", "d");
        var export = new CloudExport("eu-west-1", XrayOverOtlp: true, ExportQueue.InMemory);
        var discovery = new SamplerDiscoveryNames("test.example.internal", topology.Sampling.Name);
        var sizing = new TailSamplingSizing(2000, 100, 20000, 20000, true);
        var sampling = new TailSamplingSettings(10, 1000, 10, null, 100);
        var configs = topology.Tiers.ToDictionary(tier => tier.Name, tier => tier switch
        {
            { RoutesByTraceId: true } => CollectorConfigFactory.Router(discovery, tier.Size.MemoryMiB, ingressAuth: null),
            { ReceivesFromOutside: true } => CollectorConfigFactory.Single(export, sampling, sizing, tier.Size.MemoryMiB, ingressAuth: null),
            _ => CollectorConfigFactory.Sampler(export, sampling, sizing, tier.Size.MemoryMiB),
        });
        var parameters = new CollectorParameters(program, new CollectorParametersArgs("/otel-multicloud/test", configs, topology.Sampling, Interpolation.Of("connection"), Tags));
        var token = program.Add("c", new SsmParameter("token", new SsmParameterArgs { Name = "/t", Type = "SecureString", Value = Interpolation.Of("secret"), Tier = "Standard" }));
        new CollectorFleet(program, new CollectorFleetArgs
        {
            Topology = topology,
            NamePrefix = "otel-test",
            AwsRegion = "eu-west-1",
            CpuArchitecture = CpuArchitecture.ARM64,
            LogRetentionDays = 7,
            VpcId = "vpc-0123456789abcdef0",
            SubnetIds = ["subnet-0123456789abcdef1", "subnet-0123456789abcdef2"],
            Network = new CollectorNetwork(program, new CollectorNetworkArgs("otel-test", "vpc-0123456789abcdef0", "10.0.0.0/16", ["10.1.0.0/16"], topology, Tags)),
            LoadBalancer = new CollectorLoadBalancer(program, new CollectorLoadBalancerArgs("vpc-0123456789abcdef0", ["subnet-0123456789abcdef1"], true, null, null, false, Tags)),
            Parameters = parameters,
            DiscoveryNames = discovery,
            IngressSecrets = [new InjectedSecret("OTLP_INGRESS_TOKEN", token)],
            MetricsLogGroupName = tier => $"/test/{tier.Name}/metrics",
            Image = new CollectorImage(program, new CollectorImageArgs("otel-test", "eu-west-1", new ImageSettings(ImageSources.DockerHub, null, null, null, false, "public.ecr.aws/docker/library/busybox:1.37.0"))),
            StopTimeoutSeconds = tier => tier.SamplesAndExports ? 30 : 62,
            Key = new Infra.Components.Security.StackKey(program, new Infra.Components.Security.StackKeyArgs("otel-test", "eu-west-1", "/otel-multicloud/test", Tags)),
            Tags = Tags,
        });
        return new ProgramEvaluator(FakeCloud.Create().Object).Evaluate(ProgramWriter.ToYaml(program));
    }

    private static JsonElement Container(EvaluatedProgram program, string tier) =>
        JsonDocument.Parse((string)program.Resources[$"{tier}-task"].Inputs["containerDefinitions"]!).RootElement[0];

    private static IReadOnlyList<string> SecretNames(EvaluatedProgram program, string tier) =>
        [.. Container(program, tier).GetProperty("secrets").EnumerateArray().Select(s => s.GetProperty("name").GetString()!)];

    private static IReadOnlyList<int> Ports(EvaluatedProgram program, string tier) =>
        [.. Container(program, tier).GetProperty("portMappings").EnumerateArray().Select(p => p.GetProperty("containerPort").GetInt32())];

    private static string TaskPolicies(EvaluatedProgram program, string tier) =>
        string.Join("\n", program.OfType("aws:iam:RolePolicy").Where(p => ((string)p.Inputs["role"]!).Contains($"{tier}-task-role", StringComparison.Ordinal)).Select(p => (string)p.Inputs["policy"]!));

    [Fact]
    public void A_single_tier_receives_samples_and_exports_behind_the_load_balancer()
    {
        var program = Fleet(CollectorTopology.Single(512, 1024));

        var service = program.Single("aws:ecs:Service");
        Assert.NotNull(service.Inputs.GetValueOrDefault("loadBalancers"));
        Assert.Null(service.Inputs.GetValueOrDefault("serviceRegistries"));
        Assert.Empty(program.OfType("aws:servicediscovery:PrivateDnsNamespace"));
        Assert.Empty(program.OfType("aws:appautoscaling:Target"));
        Assert.Equal(["OTEL_CONFIG", Infra.Collector.Components.Exporters.AzureMonitor.ConnectionStringVariable, "OTLP_INGRESS_TOKEN"], SecretNames(program, "collector"));
        Assert.Equal([4317, 4318, 13133], Ports(program, "collector"));
        Assert.Contains("xray:PutTraceSegments", TaskPolicies(program, "collector"));
        Assert.DoesNotContain("servicediscovery:DiscoverInstances", TaskPolicies(program, "collector"));
    }

    [Fact]
    public void Tiered_routers_take_the_tokens_and_discover_samplers_which_take_the_azure_credential_and_register()
    {
        var program = Fleet(CollectorTopology.Tiered(new TierSize(512, 1024, 2, 4), new TierSize(1024, 2048, 2, 6)));

        Assert.Equal(2, program.OfType("aws:ecs:Service").Count());
        Assert.Equal(["OTEL_CONFIG", "OTLP_INGRESS_TOKEN"], SecretNames(program, "router"));
        Assert.Equal(["OTEL_CONFIG", Infra.Collector.Components.Exporters.AzureMonitor.ConnectionStringVariable], SecretNames(program, "sampler"));
        Assert.Equal([4317, 4318, 13133], Ports(program, "router"));
        Assert.Equal([4317], Ports(program, "sampler"));
        Assert.NotNull(program.Resources["router-service"].Inputs.GetValueOrDefault("loadBalancers"));
        Assert.Null(program.Resources["router-service"].Inputs.GetValueOrDefault("serviceRegistries"));
        Assert.NotNull(program.Resources["sampler-service"].Inputs.GetValueOrDefault("serviceRegistries"));
        Assert.Null(program.Resources["sampler-service"].Inputs.GetValueOrDefault("loadBalancers"));
        Assert.Contains("servicediscovery:DiscoverInstances", TaskPolicies(program, "router"));
        Assert.DoesNotContain("xray:PutTraceSegments", TaskPolicies(program, "router"));
        Assert.Contains("xray:PutTraceSegments", TaskPolicies(program, "sampler"));
        Assert.Equal([(2L, 4L), (2L, 6L)], program.OfType("aws:appautoscaling:Target").Select(t => ((long)t.Inputs["minCapacity"]!, (long)t.Inputs["maxCapacity"]!)).Order());
    }
}
