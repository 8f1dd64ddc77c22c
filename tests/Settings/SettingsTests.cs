using Infra.Capacity;
using Infra.Settings;
using static Infra.Tests.ErrorMessageAssert;

namespace Infra.Tests.Settings;

public class SettingsTests
{
    /// <summary>The required keys only; everything else takes its default.</summary>
    public static Dictionary<string, string?> RequiredKeys() => new()
    {
        ["aws:region"] = "eu-west-1",
        ["azure-native:location"] = "westeurope",
        ["otel-multicloud:vpcId"] = "vpc-0123456789abcdef0",
        ["otel-multicloud:vpcCidr"] = "10.0.0.0/16",
        ["otel-multicloud:privateSubnets"] = """[{"id":"subnet-0123456789abcdef1","availabilityZone":"eu-west-1a"},{"id":"subnet-0123456789abcdef2","availabilityZone":"eu-west-1b"}]""",
        ["otel-multicloud:ingressCidrs"] = """["10.0.0.0/16"]""",
        // The default X-Ray export (OTLP) needs Transaction Search declared one way or the other.
        ["otel-multicloud:transactionSearchEnabled"] = "true",
    };

    public static StackConfig Config(params (string Key, string? Value)[] values)
    {
        var all = RequiredKeys();
        foreach (var (key, value) in values)
        {
            all[key] = value;
        }
        return new StackConfig("Pulumi.test.yaml", all);
    }

    private static UserError Rejects(params (string Key, string? Value)[] values) =>
        Assert.Throws<UserError>(() => StackSettingsReader.Read("test", Config(values)));

    [Fact]
    public void Defaults_apply_when_only_provider_keys_are_set()
    {
        var settings = StackSettingsReader.Read("test", Config());

        Assert.Equal(30, settings.LogRetentionDays);
        Assert.False(settings.Production);
        Assert.Equal(new TailSamplingSettings(10, 1000, 10, null, 100), settings.TailSampling);
        Assert.Equal(TopologyKind.Single, settings.Runtime.Topology.Kind);
        Assert.Equal(["collector"], settings.Runtime.Topology.Tiers.Select(tier => tier.Name));
        Assert.Equal(new TierSize(512, 1024, 1, 1), settings.Runtime.Topology.Sampling.Size);
        Assert.Same(settings.Runtime.Topology.Receiving, settings.Runtime.Topology.Sampling);
        Assert.Equal(CpuArchitecture.X86_64, settings.Runtime.CpuArchitecture);
        Assert.Equal("/otel-multicloud/test", settings.ParameterPrefix);
    }

    [Fact]
    public void Dev_and_prod_differ_in_retention_and_sampling()
    {
        var dev = StackSettingsReader.Read("dev", StackConfigLoader.FromStackFile(TestSupport.RepoRoot, "dev"));
        var prod = StackSettingsReader.Read("prod", StackConfigLoader.FromStackFile(TestSupport.RepoRoot, "prod"));

        Assert.Equal(30, dev.LogRetentionDays);
        Assert.Equal(90, prod.LogRetentionDays);
        Assert.True(prod.Production);
        Assert.True(prod.TailSampling.SamplingPercentage < dev.TailSampling.SamplingPercentage);
    }

    [Fact]
    public void Out_of_range_value_names_source_key_value_and_range()
    {
        var error = Rejects(("otel-multicloud:logRetentionDays", "5"));
        Assert.Equal("Pulumi.test.yaml: otel-multicloud:logRetentionDays = '5' is out of range. Allowed: 30..730.", error.Message);
    }

    [Fact]
    public void Non_numeric_value_is_rejected()
    {
        var error = Rejects(("otel-multicloud:latencyThresholdMs", "fast"));
        Assert.Equal("Pulumi.test.yaml: otel-multicloud:latencyThresholdMs = 'fast' is not a whole number. Allowed: 1..600000.", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100.5")]
    [InlineData("-3")]
    public void Sampling_percentage_outside_zero_to_hundred_is_rejected(string value)
    {
        var error = Rejects(("otel-multicloud:samplingPercentage", value));
        Assert.Contains("otel-multicloud:samplingPercentage", error.Message);
        Assert.Contains("greater than 0, at most 100", error.Message);
    }

    [Fact]
    public void Fractional_sampling_percentage_is_accepted()
    {
        var settings = StackSettingsReader.Read("test", Config(("otel-multicloud:samplingPercentage", "0.5")));
        Assert.Equal(0.5, settings.TailSampling.SamplingPercentage);
    }

    [Fact]
    public void Unknown_project_key_is_rejected_with_a_suggestion()
    {
        var error = Rejects(("otel-multicloud:logRetentionDay", "30"));
        Assert.StartsWith("Pulumi.test.yaml: otel-multicloud:logRetentionDay is not a config key of this project (did you mean otel-multicloud:logRetentionDays?)", error.Message);
    }

    /// <summary>Found by the fuzzer (seed 3xoRjvkwQHy2): listing every known key made a 2,000-character error line.</summary>
    [Fact]
    public void Unknown_project_key_error_points_to_the_readme_instead_of_listing_every_key()
    {
        var error = Rejects(("otel-multicloud:transactionSearchIndexingPercentag", "1"));
        AssertMessageNamesProblem(error.Message, "Pulumi.test.yaml", "otel-multicloud:transactionSearchIndexingPercentag", null,
            "(did you mean otel-multicloud:transactionSearchIndexingPercentage?)", "in the README's Stack configuration table");
        Assert.Contains("otel-multicloud:transactionSearchIndexingPercentag is not a config key of this project", error.Message);
        // The point of the fix: the message names the unknown key and the suggestion, and lists no other key.
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(error.Message, "otel-multicloud:"));
    }

    [Fact]
    public void Keys_of_other_namespaces_are_left_to_their_providers()
    {
        var settings = StackSettingsReader.Read("test", Config(("aws:profile", "platform"), ("azure-native:subscriptionId", "0000")));
        Assert.Equal("eu-west-1", settings.AwsRegion);
    }

    [Fact]
    public void Missing_required_region_is_reported_with_the_command_to_set_it()
    {
        var config = RequiredKeys();
        config.Remove("aws:region");
        var error = Assert.Throws<UserError>(() => StackSettingsReader.Read("test", new StackConfig("Pulumi.test.yaml", config)));
        Assert.Contains("aws:region is required and not set", error.Message);
        Assert.Contains("pulumi config set aws:region <value>", error.Message);
    }

    [Fact]
    public void Malformed_region_is_rejected()
    {
        var error = Rejects(("aws:region", "Europe West"));
        Assert.Equal("Pulumi.test.yaml: aws:region = 'Europe West' is not an AWS region code such as eu-west-1. Allowed: an AWS region code, e.g. eu-west-1.", error.Message);
    }

    [Fact]
    public void Secure_value_for_a_shaping_key_is_rejected_without_printing_it()
    {
        var error = Rejects(("otel-multicloud:logRetentionDays", null));
        Assert.Contains("otel-multicloud:logRetentionDays is a secure value", error.Message);
    }

    [Theory]
    [InlineData("Dev")]
    [InlineData("1st")]
    [InlineData("a-very-long-stack-name-indeed")]
    public void Invalid_stack_names_are_rejected(string stack)
    {
        var error = Assert.Throws<UserError>(() => StackSettingsReader.Read(stack, Config()));
        Assert.StartsWith($"Stack name '{stack}' is not valid", error.Message);
    }

    [Fact]
    public void Pulumi_config_json_and_stack_file_give_the_same_settings()
    {
        var fromFile = StackConfigLoader.FromStackFile(TestSupport.RepoRoot, "prod");
        var json = System.Text.Json.JsonSerializer.Serialize(fromFile.Values);
        var fromJson = StackConfigLoader.FromPulumiConfigJson(json);

        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(StackSettingsReader.Read("prod", fromFile)),
            System.Text.Json.JsonSerializer.Serialize(StackSettingsReader.Read("prod", fromJson)));
    }

    [Fact]
    public void Malformed_pulumi_config_is_a_user_error()
    {
        var error = Assert.Throws<UserError>(() => StackConfigLoader.FromPulumiConfigJson("{not json"));
        Assert.StartsWith("PULUMI_CONFIG is not a JSON object", error.Message);
    }
}
