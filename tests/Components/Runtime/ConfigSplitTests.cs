using System.Text.Json;
using Infra.Capacity;
using Infra.Collector;
using Infra.Collector.Validation;
using Infra.Components;
using Infra.Model;
using Infra.Model.Aws;
using Infra.Tests.Evaluation;

namespace Infra.Tests.Components.Runtime;

/// <summary>A collector config that outgrows one SSM parameter (8 KiB) runs from two, merged by the collector.</summary>
public class ConfigSplitTests
{
    private static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string> { ["project"] = "test" };

    /// <summary>A sampler config whose health check path fills the components part to just under 8 KiB, so the whole is over it.</summary>
    private static CollectorConfig Oversized()
    {
        var config = CollectorConfigFactory.Sampler(new CloudExport("eu-west-1", XrayOverOtlp: true, ExportQueue.InMemory), new Infra.Settings.TailSamplingSettings(10, 1000, 10, null, 100), new TailSamplingSizing(2000, 100, 20000, 20000, true), 1024);
        CollectorConfig WithPath(int length) => config with
        {
            Extensions = new Dictionary<string, object>(config.Extensions)
            {
                ["health_check"] = new Dictionary<string, object> { ["endpoint"] = "0.0.0.0:13133", ["path"] = "/" + new string('h', length) },
            },
        };
        var components = CollectorParameters.SplitForSsm("sampler", CollectorYaml.Serialize(WithPath(SsmParameter.AdvancedTierMaxBytes)))[0].Length - SsmParameter.AdvancedTierMaxBytes;
        return WithPath(SsmParameter.AdvancedTierMaxBytes - components - 100);
    }

    [Fact]
    public void A_config_that_fits_one_parameter_stays_whole()
    {
        var yaml = "receivers: {}\nservice:\n  pipelines: {}\n";
        Assert.Equal([yaml], CollectorParameters.SplitForSsm("collector", yaml));
    }

    [Fact]
    public void An_oversized_config_is_cut_before_service_into_parts_that_share_no_top_level_key()
    {
        var yaml = CollectorYaml.Serialize(Oversized());
        var parts = CollectorParameters.SplitForSsm("sampler", yaml);

        Assert.Equal(2, parts.Count);
        Assert.Equal(yaml, string.Concat(parts));
        Assert.StartsWith("service:\n", parts[1]);
        var first = YamlTree.ParseMap(parts[0]).Keys;
        var second = YamlTree.ParseMap(parts[1]).Keys;
        Assert.Empty(first.Intersect(second));
        Assert.DoesNotContain("service", first);
    }

    [Fact]
    public void The_tier_reads_both_parts_as_secrets_and_passes_each_to_the_collector()
    {
        var program = new PulumiProgram("p", "d");
        var sampler = CollectorTopology.Tiered(new TierSize(512, 1024, 1, 1), new TierSize(1024, 2048, 1, 1)).Sampling;
        var parameters = new CollectorParameters(program, new CollectorParametersArgs(
            "/otel-multicloud/test", new Dictionary<string, CollectorConfig> { ["sampler"] = Oversized() }, sampler, Interpolation.Of("connection"), Tags));
        var cluster = program.Add("c", new EcsCluster("cluster", new EcsClusterArgs { Settings = [] }));
        var group = program.Add("c", new SecurityGroup("group", new SecurityGroupArgs { Description = "d", VpcId = "vpc-0123456789abcdef0" }));
        new CollectorTier(program, new CollectorTierArgs
        {
            Tier = sampler,
            NamePrefix = "otel-test",
            AwsRegion = "eu-west-1",
            CpuArchitecture = CpuArchitecture.ARM64,
            LogRetentionDays = 7,
            Cluster = cluster,
            SubnetIds = ["subnet-0123456789abcdef1"],
            SecurityGroup = group,
            Config = parameters.ConfigByTier["sampler"],
            ContainerPorts = [4317],
            Image = Interpolation.Of("otel/opentelemetry-collector-contrib:0.159.0"),
            UtilityImage = Interpolation.Of("public.ecr.aws/docker/library/busybox:1.37.0"),
            StopTimeoutSeconds = 30,
            Key = new Infra.Components.Security.StackKey(program, new Infra.Components.Security.StackKeyArgs("otel-test", "eu-west-1", "/otel-multicloud/test", Tags)),
            Tags = Tags,
        });

        var evaluated = new ProgramEvaluator(FakeCloud.Create().Object).Evaluate(ProgramWriter.ToYaml(program));
        string Arn(string name) => (string)evaluated.Resources[name].State["arn"]!;
        Assert.Equal("/otel-multicloud/test/sampler/otel-collector-config-2", evaluated.Resources["sampler-otel-config-2"].Inputs["name"]);
        var container = JsonDocument.Parse((string)evaluated.Resources["sampler-task"].Inputs["containerDefinitions"]!).RootElement[0];
        Assert.Equal(["--config=env:OTEL_CONFIG", "--config=env:OTEL_CONFIG_2"], container.GetProperty("command").EnumerateArray().Select(c => c.GetString()));
        var secrets = container.GetProperty("secrets").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("valueFrom").GetString()!);
        Assert.Equal(Arn("sampler-otel-config"), secrets["OTEL_CONFIG"]);
        Assert.Equal(Arn("sampler-otel-config-2"), secrets["OTEL_CONFIG_2"]);
        var readable = JsonDocument.Parse((string)evaluated.Resources["sampler-execution-policy"].Inputs["policy"]!).RootElement
            .GetProperty("Statement")[0].GetProperty("Resource").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains(Arn("sampler-otel-config"), readable);
        Assert.Contains(Arn("sampler-otel-config-2"), readable);
        var merged = (string)evaluated.Resources["sampler-otel-config"].Inputs["insecureValue"]! + (string)evaluated.Resources["sampler-otel-config-2"].Inputs["insecureValue"]!;
        Assert.Empty(CollectorConfigValidator.Validate(YamlTree.ParseMap(merged)));
    }
}
