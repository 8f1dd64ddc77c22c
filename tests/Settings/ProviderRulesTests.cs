namespace Infra.Tests.Settings;

/// <summary>
/// What the providers would refuse at preview is refused by the synth first, naming the key, the value and the fix;
/// and a stack file or engine config that is wrong in shape is named for what it is.
/// </summary>
public class ProviderRulesTests
{
    private static string DevFile => File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "Pulumi.dev.yaml"));

    private static string Refused(string stackFileYaml)
    {
        var result = TestSupport.RunCli(["synth", "--stack", "dev", "--flat"], projectDirectory: TestSupport.StackDirectoryWith("dev", stackFileYaml));
        Assert.Equal((2, ""), (result.ExitCode, result.Stdout));
        return result.Stderr;
    }

    [Theory]
    [InlineData("10.20.5.7/16", "10.20.0.0/16")]
    [InlineData("10.20.0.0/15", "10.20.0.0/15")]
    [InlineData("192.168.1.1/32", "192.168.1.1/32")]
    [InlineData("10.1.2.3/0", "0.0.0.0/0")]
    [InlineData("172.16.255.255/12", "172.16.0.0/12")]
    public void The_network_of_a_cidr_clears_its_host_bits(string cidr, string network)
    {
        Assert.Equal(network, Infra.Settings.Cidr.NetworkOf(cidr));
    }

    [Fact]
    public void A_vpc_cidr_with_host_bits_names_the_network_address_to_use()
    {
        var error = Refused(DevFile.Replace("vpcCidr: 10.20.0.0/16", "vpcCidr: 10.20.5.7/16", StringComparison.Ordinal));

        Assert.StartsWith("error: Pulumi.dev.yaml: otel-multicloud:vpcCidr = '10.20.5.7/16' ", error);
        Assert.Contains("host bits set: use the network address 10.20.0.0/16", error);
    }

    [Fact]
    public void An_ingress_cidr_with_host_bits_names_the_network_address_to_use()
    {
        var error = Refused(DevFile.Replace("    - 10.20.0.0/16", "    - 10.20.0.1/16", StringComparison.Ordinal));

        Assert.StartsWith("error: Pulumi.dev.yaml: otel-multicloud:ingressCidrs = ", error);
        Assert.Contains("host bits set: use the network address 10.20.0.0/16 (\"10.20.0.1/16\")", error);
    }

    [Theory]
    [InlineData("just some text\n", "plain text")]
    [InlineData("- config\n- aws:region\n", "a list")]
    public void A_stack_file_that_is_not_a_mapping_says_so(string text, string what)
    {
        var error = Refused(text);

        Assert.StartsWith($"error: Pulumi.dev.yaml is not a stack file: it holds {what} where a YAML mapping with a 'config:' section belongs", error);
        Assert.DoesNotContain("required", error);
    }

    [Fact]
    public void A_mistyped_key_in_the_engines_config_is_named_as_unknown_not_blamed_on_an_exported_stack()
    {
        var config = Infra.Settings.StackConfigLoader.FromStackFile(TestSupport.RepoRoot, "dev").Values
            .ToDictionary(e => e.Key == "otel-multicloud:samplingPercentage" ? "otel-multicloud:samplingPercentag" : e.Key, e => e.Value);
        var json = System.Text.Json.JsonSerializer.Serialize(config);
        var result = TestSupport.RunCli(["synth"], new Dictionary<string, string> { ["PULUMI_STACK"] = "dev", ["PULUMI_CONFIG"] = json });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("otel-multicloud:samplingPercentag", result.Stderr);
        Assert.Contains("samplingPercentage", result.Stderr.Replace("otel-multicloud:samplingPercentag ", "", StringComparison.Ordinal));
        Assert.DoesNotContain("PULUMI_STACK", result.Stderr);
    }
}
