namespace Infra.Tests;

public class CliTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Synth_prints_the_program_and_nothing_on_stderr(string stack)
    {
        var result = TestSupport.RunCli(["synth", "--stack", stack, "--flat"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.StartsWith("name: otel-multicloud\n", result.Stdout);
        Assert.Contains("type: azure-native:applicationinsights:Component", result.Stdout);
    }

    [Fact]
    public void Two_runs_give_identical_bytes()
    {
        Assert.Equal(TestSupport.Synth("prod"), TestSupport.Synth("prod"));
    }

    [Fact]
    public void Unknown_stack_exits_2_with_the_known_stacks_and_empty_stdout()
    {
        var result = TestSupport.RunCli(["synth", "--stack", "nope", "--flat"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("error: Unknown stack 'nope': there is no Pulumi.nope.yaml. Known stacks: dev, prod. Pass --stack with one of them, or create Pulumi.nope.yaml.\n", result.Stderr);
    }

    [Fact]
    public void Out_of_range_value_in_a_stack_file_exits_2_naming_the_file_and_key()
    {
        var directory = TestSupport.StackDirectoryWith("broken", TestSupport.DevStackWith(("otel-multicloud:logRetentionDays", "\"9999\"")));
        var result = TestSupport.RunCli(["synth", "--stack", "broken", "--flat"], projectDirectory: directory);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("error: Pulumi.broken.yaml: otel-multicloud:logRetentionDays = '9999' is out of range. Allowed: 30..730.\n", result.Stderr);
    }

    [Fact]
    public void Malformed_stack_file_exits_2()
    {
        var directory = TestSupport.StackDirectoryWith("broken", "config:\n  aws:region: [unclosed\n");
        var result = TestSupport.RunCli(["synth", "--stack", "broken", "--flat"], projectDirectory: directory);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: Pulumi.broken.yaml is not valid YAML at line", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void Engine_environment_selects_stack_and_config_without_flags()
    {
        var config = Infra.Tests.Settings.SettingsTests.RequiredKeys();
        config["aws:region"] = "us-east-2";
        config["otel-multicloud:privateSubnets"] = """[{"id":"subnet-0123456789abcdef1","availabilityZone":"us-east-2a"},{"id":"subnet-0123456789abcdef2","availabilityZone":"us-east-2b"}]""";
        config["azure-native:location"] = "northeurope";
        config["otel-multicloud:logRetentionDays"] = "120";
        var environment = new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = "prod",
            ["PULUMI_CONFIG"] = System.Text.Json.JsonSerializer.Serialize(config),
        };
        // A project directory without Pulumi.prod.yaml: config kept by the service (or ESC) reaches us only through the engine.
        // Flat: the component package holds the committed stacks' shapes only (README "Components").
        var result = TestSupport.RunCli(["synth", "--flat"], environment, Directory.CreateTempSubdirectory("infra-tests-").FullName);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("location: northeurope", result.Stdout);
        Assert.Contains("retentionInDays: 120", result.Stdout);
        Assert.Contains("rg-otel-prod-", result.Stdout);
        Assert.Contains("region: us-east-2", result.Stdout);
        Assert.Contains("- subnet-0123456789abcdef2", result.Stdout);
    }

    [Fact]
    public void Engine_config_errors_name_pulumi_config()
    {
        var environment = new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = "prod",
            ["PULUMI_CONFIG"] = """{"aws:region":"us-east-2","azure-native:location":"northeurope","otel-multicloud:samplingPercentage":"0"}""",
        };
        var result = TestSupport.RunCli(["synth"], environment, Directory.CreateTempSubdirectory("infra-tests-").FullName);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: PULUMI_CONFIG: otel-multicloud:samplingPercentage = '0' is out of range. Allowed: greater than 0, at most 100.\n", result.Stderr);
    }

    [Fact]
    public void Synth_out_writes_the_same_program_to_a_file()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("infra-tests-").FullName, "dev.yaml");
        var result = TestSupport.RunCli(["synth", "--stack", "dev", "--out", file, "--flat"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(TestSupport.Synth("dev"), File.ReadAllText(file));
    }

    [Fact]
    public void Unknown_option_exits_2_with_nothing_on_stdout()
    {
        var result = TestSupport.RunCli(["synth", "--stak", "dev"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("--stak", result.Stderr);
    }

    /// <summary>A pull request that changes a stack's shape without regenerating the package learns it from plan, before the engine refuses it.</summary>
    [Fact]
    public void Plan_of_a_stack_the_package_lacks_says_so_and_names_the_regeneration()
    {
        var project = TestSupport.StackDirectoryWith("dev", TestSupport.DevStackWith());

        var result = TestSupport.RunCli(["plan", "--stack", "dev"], projectDirectory: project);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("\nazure-monitor (no template in the package), 4 resources:\n", result.Stdout);
        Assert.Contains("\nNote: The component package otel-components/ has no template for azure-monitor, stack-key,", result.Stdout);
        Assert.Contains("as this stack builds them, so the engine's synth will refuse this stack: regenerate the package (dotnet run --project Infra.csproj -- components --out otel-components) and commit it.\n", result.Stdout);
        Assert.DoesNotContain("has no template", TestSupport.RunCli(["plan", "--stack", "dev"]).Stdout);
    }

    [Fact]
    public void Plan_groups_by_component_masks_secrets_and_counts()
    {
        var result = TestSupport.RunCli(["plan", "--stack", "dev"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\nazure-monitor (otel:index:AzureMonitorDev), 4 resources:\n", result.Stdout);
        Assert.Contains("  + application-insights (azure-native:applicationinsights:Component)", result.Stdout);
        Assert.Contains("applicationInsightsConnectionString: [secret]", result.Stdout);
        Assert.Contains("  + azure-monitor-connection-string (aws:ssm:Parameter)", result.Stdout);
        Assert.Contains("      value: [secret]\n", result.Stdout);
        // The rendered collector YAML, in full, for review.
        Assert.Contains("            decision_wait: 10s\n", result.Stdout);
        Assert.Contains("\ncollector-tier (otel:index:CollectorTier), 8 resources:\n", result.Stdout);
        Assert.DoesNotContain("connectionString}", result.Stdout);
        Assert.Matches(@"\n\d+ resources to create\.\n(\nNote: [^\n]+\n)*\nCapacity \(", result.Stdout);
        Assert.Contains("\nMonthly cost, eu-west-1 + westeurope, ARM64 (", result.Stdout);
        Assert.Contains("  total (partial: ", result.Stdout);
    }

    [Fact]
    public void Plan_of_a_tiered_stack_shows_each_tier_and_the_discovery_as_components()
    {
        var result = TestSupport.RunCli(["plan", "--stack", "prod"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\nrouter-tier (otel:index:RouterTier), 10 resources:\n  + router-log-group (aws:cloudwatch:LogGroup)\n", result.Stdout);
        Assert.Contains("\nsampler-tier (otel:index:SamplerTier), 11 resources:\n  + sampler-log-group (aws:cloudwatch:LogGroup)\n", result.Stdout);
        Assert.Contains("\nsampler-discovery (otel:index:SamplerDiscovery), 2 resources:\n  + sampler-namespace (aws:servicediscovery:PrivateDnsNamespace)\n", result.Stdout);
        Assert.Contains("  + sampler-scale-on-memory (aws:appautoscaling:Policy)\n", result.Stdout);
        Assert.Contains("  samplerDiscoveryNamespace: ${sampler-namespace.name}\n", result.Stdout);
    }

    [Fact]
    public void Plan_in_an_unknown_format_is_a_user_error()
    {
        var result = TestSupport.RunCli(["plan", "--stack", "dev", "--format", "html"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("html", result.Stderr);
    }

    [Fact]
    public void Plan_without_a_stack_is_a_user_error()
    {
        var result = TestSupport.RunCli(["plan"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: plan needs a stack", result.Stderr);
    }
}
