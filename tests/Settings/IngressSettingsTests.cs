using static Infra.Tests.ErrorMessageAssert;

namespace Infra.Tests.Settings;

/// <summary>The ingress rules as a user meets them: one error line, exit code 2, nothing on stdout.</summary>
public class IngressSettingsTests
{
    private const string Certificate = "arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012";

    private static TestSupport.CliResult Synth(string baseStack, params (string Key, string? Value)[] changes)
    {
        var directory = TestSupport.StackDirectoryWith("test", TestSupport.StackFileWith(baseStack, changes));
        return TestSupport.RunCli(["synth", "--stack", "test", "--flat"], projectDirectory: directory);
    }

    private static string Refused(string baseStack, params (string Key, string? Value)[] changes)
    {
        var result = Synth(baseStack, changes);
        Assert.Equal("", result.Stdout);
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        return result.Stderr;
    }

    [Fact]
    public void Production_with_a_sender_cidr_outside_the_vpc_and_no_certificate_is_refused()
    {
        var error = Refused("prod", ("otel-multicloud:certificateArn", null), ("otel-multicloud:ingressHostName", null));
        // Every production stack needs TLS (issue 21), so that rule speaks before the one about senders outside the VPC.
        Assert.StartsWith("error: Pulumi.test.yaml: a production stack (otel-multicloud:production = true) takes OTLP only over TLS, whoever sends it", error);
        Assert.Contains("Set otel-multicloud:certificateArn to an ACM certificate", error);
    }

    [Fact]
    public void Production_with_an_internet_facing_load_balancer_and_no_certificate_is_refused_even_with_senders_in_the_vpc()
    {
        var error = Refused("prod", ("otel-multicloud:certificateArn", null), ("otel-multicloud:ingressHostName", null),
            ("otel-multicloud:ingressCidrs", """["10.40.0.0/16"]"""), ("otel-multicloud:internalLoadBalancer", "\"false\""));
        Assert.StartsWith("error: Pulumi.test.yaml: a production stack (otel-multicloud:production = true) takes OTLP only over TLS, whoever sends it", error);
    }

    [Fact]
    public void Production_with_every_sender_inside_the_vpc_still_needs_a_certificate()
    {
        var error = Refused("prod", ("otel-multicloud:certificateArn", null), ("otel-multicloud:ingressHostName", null), ("otel-multicloud:ingressCidrs", """["10.40.0.0/16", "10.40.128.0/17"]"""));
        AssertNamesProblem(error, "Pulumi.test.yaml", "otel-multicloud:production", "true",
            "Set otel-multicloud:certificateArn to an ACM certificate", "otel-multicloud:ingressHostName to the name it covers");
        Assert.Contains("takes OTLP only over TLS", error);
        Assert.Contains("the bearer token would otherwise cross the network in clear, inside the VPC too", error);
    }

    [Fact]
    public void Production_with_every_sender_inside_the_vpc_gets_tls_listeners()
    {
        var result = Synth("prod", ("otel-multicloud:ingressCidrs", """["10.40.0.0/16", "10.40.128.0/17"]"""));
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(result.Stdout, "protocol: TLS"));
    }

    [Fact]
    public void A_non_production_stack_inside_the_vpc_may_still_use_plain_tcp()
    {
        var result = Synth("dev", ("otel-multicloud:allowPlaintextIngress", null));
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.DoesNotContain("protocol: TLS", result.Stdout);
    }

    [Fact]
    public void Ingress_auth_none_in_production_is_refused()
    {
        var error = Refused("prod", ("otel-multicloud:ingressAuth", "none"));
        AssertNamesProblem(error, "Pulumi.test.yaml", "otel-multicloud:ingressAuth", "none", "Set it to token.");
        Assert.Contains("otel-multicloud:ingressAuth = none in a production stack", error);
        Assert.Contains("forged error spans are always kept by tail sampling", error);
    }

    [Fact]
    public void Plaintext_opt_out_in_production_is_refused()
    {
        var error = Refused("prod", ("otel-multicloud:allowPlaintextIngress", "\"true\""));
        AssertNamesProblem(error, "Pulumi.test.yaml", "otel-multicloud:allowPlaintextIngress", "true", "Remove the key", "set otel-multicloud:certificateArn");
        Assert.Contains("otel-multicloud:allowPlaintextIngress = true in a production stack", error);
    }

    [Fact]
    public void An_invalid_principal_id_is_refused()
    {
        var error = Refused("prod", ("otel-multicloud:keyVaultReaderPrincipalIds", """["00000000-0000-4000-8000-0000000000a1", "my-function-app"]"""));
        AssertNamesProblem(error, "Pulumi.test.yaml", "otel-multicloud:keyVaultReaderPrincipalIds", "'[\"00000000-0000-4000-8000-0000000000a1\",\"my-function-app\"]'",
            "Allowed: a list of Entra object ids (GUIDs), possibly empty");
        Assert.Contains("has an item that is not an Entra object id", error);
        Assert.Contains(": \"my-function-app\".", error);
    }

    [Fact]
    public void A_principal_named_twice_is_refused_whatever_its_case()
    {
        var error = Refused("dev", ("otel-multicloud:keyVaultReaderPrincipalIds", """["0000000A-0000-4000-8000-000000000001", "0000000a-0000-4000-8000-000000000001"]"""));
        Assert.Equal("error: Pulumi.test.yaml: otel-multicloud:keyVaultReaderPrincipalIds names 0000000a-0000-4000-8000-000000000001 twice: each principal gets one role assignment.\n", error);
    }

    [Fact]
    public void Non_production_with_a_sender_outside_the_vpc_needs_a_certificate_or_the_explicit_opt_out()
    {
        var outside = ("otel-multicloud:ingressCidrs", """["10.20.0.0/16", "172.16.0.0/12"]""");
        var error = Refused("dev", outside);
        AssertNamesProblem(error, "Pulumi.test.yaml", "otel-multicloud:ingressCidrs", null,
            "set otel-multicloud:certificateArn (and otel-multicloud:ingressHostName)", "set otel-multicloud:allowPlaintextIngress to true on this non-production stack");
        Assert.Contains("otel-multicloud:ingressCidrs has 172.16.0.0/12, outside otel-multicloud:vpcCidr 10.20.0.0/16", error);
        Assert.Contains("otel-multicloud:certificateArn is empty", error);

        var optedOut = Synth("dev", outside, ("otel-multicloud:allowPlaintextIngress", "\"true\""));
        Assert.True(optedOut.ExitCode == 0, optedOut.Stderr);
        Assert.Contains("http://", optedOut.Stdout);
    }

    [Fact]
    public void A_certificate_without_the_host_name_it_covers_is_refused()
    {
        var error = Refused("dev", ("otel-multicloud:certificateArn", Certificate));
        AssertNamesProblem(error, "Pulumi.test.yaml", "otel-multicloud:certificateArn", null,
            "Set otel-multicloud:ingressHostName to a name the certificate covers", "at the stack output otlpLoadBalancerDnsName");
        Assert.Contains("otel-multicloud:certificateArn is set but otel-multicloud:ingressHostName is empty", error);
    }

    [Theory]
    [InlineData("otlp")]
    [InlineData("otlp..example.com")]
    [InlineData("-otlp.example.com")]
    [InlineData("otlp.example.com.")]
    [InlineData("https://otlp.example.com")]
    public void A_host_name_that_is_not_a_dns_name_is_refused(string hostName)
    {
        var error = Refused("dev", ("otel-multicloud:ingressHostName", hostName));
        AssertNamesProblem(error, "Pulumi.test.yaml", "otel-multicloud:ingressHostName", $"'{hostName}'", "Allowed: empty, or a DNS name (required with certificateArn)");
        Assert.Contains("is not a DNS name such as otlp.example.com", error);
    }

    [Fact]
    public void An_unknown_ingress_auth_and_a_generation_of_zero_are_refused()
    {
        Assert.Equal(
            "error: Pulumi.test.yaml: otel-multicloud:ingressAuth = 'mtls' is not one of the allowed values. Allowed: token or none (production: token).\n",
            Refused("dev", ("otel-multicloud:ingressAuth", "mtls")));
        Assert.Equal(
            "error: Pulumi.test.yaml: otel-multicloud:ingressTokenGeneration = '0' is out of range. Allowed: 1..1000000.\n",
            Refused("dev", ("otel-multicloud:ingressTokenGeneration", "\"0\"")));
    }
}
