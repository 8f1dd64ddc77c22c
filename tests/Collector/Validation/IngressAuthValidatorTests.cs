using Infra.Collector;
using Infra.Collector.Validation;
using Infra.Model;

namespace Infra.Tests.Collector.Validation;

/// <summary>The validator's rules for an authenticated receiver and the bearertokenauth extension, each failure with its exact message.</summary>
public class IngressAuthValidatorTests
{
    private static readonly string RouterYaml = CollectorYaml.Serialize(CollectorConfigFactory.Router(
        new SamplerDiscoveryNames("prod.otel-multicloud.internal", "sampler"), 1024, new BearerTokenIngress(["OTLP_INGRESS_TOKEN", "OTLP_INGRESS_TOKEN_PREVIOUS"])));

    private const string Tokens = "  bearertokenauth:\n    tokens:\n    - ${env:OTLP_INGRESS_TOKEN}\n    - ${env:OTLP_INGRESS_TOKEN_PREVIOUS}\n";

    private const string HttpAuth = "        endpoint: 0.0.0.0:4318\n        auth:\n          authenticator: bearertokenauth\n";

    private static IReadOnlyList<string> Errors(string yaml) => CollectorConfigValidator.Validate(YamlTree.ParseMap(yaml));

    private static string Replace(string yaml, string from, string to)
    {
        Assert.Contains(from, yaml);
        return yaml.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rendered_router_config_carries_the_extension_with_environment_references()
    {
        Assert.Contains(Tokens, RouterYaml);
        Assert.Contains(HttpAuth, RouterYaml);
        Assert.Empty(Errors(RouterYaml));
    }

    [Fact]
    public void Token_and_tokens_together_are_refused_with_the_collectors_words()
    {
        var errors = Errors(Replace(RouterYaml, Tokens, Tokens + "    token: ${env:OTHER}\n"));
        Assert.Equal(["extensions::bearertokenauth: either tokens or token should be provided, not both"], errors);
    }

    [Fact]
    public void An_extension_without_any_token_is_refused()
    {
        var errors = Errors(Replace(RouterYaml, Tokens, "  bearertokenauth:\n    scheme: Bearer\n"));
        Assert.Equal(["extensions::bearertokenauth: no bearer token provided"], errors);
    }

    [Fact]
    public void A_token_written_into_the_config_is_refused_without_repeating_it()
    {
        var errors = Errors(Replace(RouterYaml, "    - ${env:OTLP_INGRESS_TOKEN_PREVIOUS}\n", "    - s3cr3tT0ken\n"));
        Assert.Equal(["extensions::bearertokenauth: tokens[1] is not a ${env:NAME} or ${file:PATH} reference; a token written into the config is readable by anyone who can read the config"], errors);
        Assert.DoesNotContain("s3cr3tT0ken", string.Join("\n", errors));
    }

    [Fact]
    public void A_token_file_beside_tokens_is_refused_because_the_collector_ignores_the_tokens()
    {
        var errors = Errors(Replace(RouterYaml, Tokens, Tokens + "    filename: /run/token\n"));
        Assert.Equal(["extensions::bearertokenauth: filename is set, so the collector ignores tokens"], errors);
    }

    [Fact]
    public void An_authenticator_that_is_not_configured_is_refused()
    {
        var errors = Errors(Replace(RouterYaml, HttpAuth, HttpAuth.Replace("bearertokenauth", "bearertokenauth/azure", StringComparison.Ordinal)));
        Assert.Equal(["receivers::otlp: protocols::http::auth::authenticator \"bearertokenauth/azure\" is not a configured extension (the collector fails with: failed to resolve authenticator \"bearertokenauth/azure\": authenticator not found)"], errors);
    }

    [Fact]
    public void An_authenticator_missing_from_service_extensions_is_refused_for_each_protocol()
    {
        var errors = Errors(Replace(RouterYaml, "  - health_check\n  - bearertokenauth\n", "  - health_check\n"));
        Assert.Equal(
            [
                "extensions::bearertokenauth: is configured but not listed in service::extensions",
                "receivers::otlp: protocols::grpc::auth::authenticator \"bearertokenauth\" is not listed in service::extensions, so it never starts and every request fails",
                "receivers::otlp: protocols::http::auth::authenticator \"bearertokenauth\" is not listed in service::extensions, so it never starts and every request fails",
            ],
            errors);
    }

    [Fact]
    public void One_protocol_left_open_beside_an_authenticated_one_is_refused()
    {
        var errors = Errors(Replace(RouterYaml, HttpAuth, "        endpoint: 0.0.0.0:4318\n"));
        Assert.Equal(["receivers::otlp: protocols::http has no auth while grpc has; an unauthenticated protocol is a way around the authenticator"], errors);
    }

    [Fact]
    public void A_client_only_authenticator_on_a_receiver_is_refused()
    {
        var yaml = Replace(Replace(RouterYaml, "authenticator: bearertokenauth\n", "authenticator: sigv4auth\n"),
            "  - health_check\n  - bearertokenauth\n", "  - health_check\n  - bearertokenauth\n  - sigv4auth\n");
        yaml = Replace(yaml, Tokens, Tokens + "  sigv4auth:\n    region: eu-west-1\n");
        Assert.Equal(
            [
                "receivers::otlp: protocols::grpc::auth::authenticator \"sigv4auth\" is not a server authenticator (server authenticators here: bearertokenauth)",
                "receivers::otlp: protocols::http::auth::authenticator \"sigv4auth\" is not a server authenticator (server authenticators here: bearertokenauth)",
            ],
            Errors(yaml));
    }

    [Fact]
    public void An_auth_block_without_an_authenticator_is_refused()
    {
        var errors = Errors(Replace(RouterYaml, HttpAuth, "        endpoint: 0.0.0.0:4318\n        auth: {}\n"));
        Assert.Equal(["receivers::otlp: protocols::http::auth has no authenticator"], errors);
    }
}
