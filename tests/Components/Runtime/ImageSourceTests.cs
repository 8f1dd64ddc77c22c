using System.Text.Json;
using Infra.Tests.Evaluation;

namespace Infra.Tests.Components.Runtime;

/// <summary>Each image source renders its image, its cache rules and exactly the execution-role permissions it needs.</summary>
public class ImageSourceTests
{
    private const string Repository = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/otelcol-contrib";
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static string Image(EvaluatedProgram program, string tier, string container = CollectorTier.ContainerName) =>
        JsonDocument.Parse((string)program.Resources[$"{tier}-task"].Inputs["containerDefinitions"]!).RootElement.EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == container).GetProperty("image").GetString()!;

    private static List<JsonElement> EcrStatements(EvaluatedProgram program, string tier) =>
        [.. JsonDocument.Parse((string)program.Resources[$"{tier}-execution-policy"].Inputs["policy"]!).RootElement.GetProperty("Statement").EnumerateArray()
            .Where(s => s.GetProperty("Action").EnumerateArray().Any(a => a.GetString()!.StartsWith("ecr:", StringComparison.Ordinal)))];

    private static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!);

    [Fact]
    public void Docker_hub_pulls_the_pinned_tag_and_needs_no_ecr_permission()
    {
        var program = TestSupport.Evaluate("dev");

        Assert.Equal("otel/opentelemetry-collector-contrib:0.159.0", Image(program, "collector"));
        Assert.Empty(program.OfType("aws:ecr:PullThroughCacheRule"));
        Assert.Empty(EcrStatements(program, "collector"));
    }

    [Fact]
    public void The_pull_through_cache_serves_both_images_from_this_accounts_ecr_and_may_import_only_under_its_prefixes()
    {
        var program = TestSupport.Evaluate("prod");

        var rules = program.OfType("aws:ecr:PullThroughCacheRule").ToDictionary(r => (string)r.Inputs["ecrRepositoryPrefix"]!);
        Assert.Equal(["otel-prod-docker-hub", "otel-prod-ecr-public"], rules.Keys.Order());
        Assert.Equal("registry-1.docker.io", rules["otel-prod-docker-hub"].Inputs["upstreamRegistryUrl"]);
        Assert.StartsWith("arn:aws:secretsmanager:eu-west-1:123456789012:secret:ecr-pullthroughcache/", (string)rules["otel-prod-docker-hub"].Inputs["credentialArn"]!);
        Assert.Equal("public.ecr.aws", rules["otel-prod-ecr-public"].Inputs["upstreamRegistryUrl"]);
        Assert.False(rules["otel-prod-ecr-public"].Inputs.ContainsKey("credentialArn"));

        Assert.Equal("123456789012.dkr.ecr.eu-west-1.amazonaws.com/otel-prod-docker-hub/otel/opentelemetry-collector-contrib:0.159.0", Image(program, "sampler"));
        Assert.Equal("123456789012.dkr.ecr.eu-west-1.amazonaws.com/otel-prod-ecr-public/docker/library/busybox:1.37.0", Image(program, "sampler", Liveness.ContainerName));

        foreach (var tier in new[] { "router", "sampler" })
        {
            var statements = EcrStatements(program, tier).ToDictionary(s => s.GetProperty("Sid").GetString()!);
            Assert.Equal(["ecr:GetAuthorizationToken"], Strings(statements["AuthorizeToEcr"].GetProperty("Action")));
            Assert.Equal(["*"], Strings(statements["AuthorizeToEcr"].GetProperty("Resource")));
            Assert.Equal(["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "ecr:BatchImportUpstreamImage", "ecr:CreateRepository"],
                Strings(statements["PullThroughDockerHub"].GetProperty("Action")));
            Assert.Equal(["arn:aws:ecr:eu-west-1:123456789012:repository/otel-prod-docker-hub/*"], Strings(statements["PullThroughDockerHub"].GetProperty("Resource")));
            Assert.Equal(["arn:aws:ecr:eu-west-1:123456789012:repository/otel-prod-ecr-public/*"], Strings(statements["PullThroughEcrPublic"].GetProperty("Resource")));
        }
    }

    [Fact]
    public void Your_own_repository_is_pulled_by_digest_with_read_access_to_it_alone()
    {
        var program = TestSupport.EvaluateVariant("prod",
            ("otel-multicloud:imageSource", "registry"), ("otel-multicloud:imagePullCredentialArn", null),
            ("otel-multicloud:imageRepository", Repository), ("otel-multicloud:imageDigest", Digest));

        Assert.Equal($"{Repository}@{Digest}", Image(program, "router"));
        Assert.Empty(program.OfType("aws:ecr:PullThroughCacheRule"));
        var pull = EcrStatements(program, "router").Single(s => s.GetProperty("Sid").GetString() == "PullCollectorImage");
        Assert.Equal(["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"], Strings(pull.GetProperty("Action")));
        Assert.Equal(["arn:aws:ecr:eu-west-1:123456789012:repository/otelcol-contrib"], Strings(pull.GetProperty("Resource")));
    }

    [Fact]
    public void A_digest_pins_the_docker_hub_image_too()
    {
        var program = TestSupport.EvaluateVariant("dev", ("otel-multicloud:imageDigest", Digest));

        Assert.Equal($"otel/opentelemetry-collector-contrib@{Digest}", Image(program, "collector"));
    }

    [Fact]
    public void Production_refuses_an_anonymous_docker_hub_pull_by_tag_naming_both_ways_out()
    {
        var error = TestSupport.RefusedVariant("prod", ("otel-multicloud:imageSource", "dockerhub"), ("otel-multicloud:imagePullCredentialArn", null));

        Assert.StartsWith("error: Pulumi.prod.yaml: a production stack (otel-multicloud:production = true) would pull the collector image anonymously from Docker Hub by tag", error);
        Assert.Contains("Set otel-multicloud:imageSource to pullThroughCache", error);
        Assert.Contains("otel-multicloud:allowPublicImagePull: true", error);
    }

    [Fact]
    public void Production_may_opt_out_explicitly()
    {
        var program = TestSupport.EvaluateVariant("prod", ("otel-multicloud:imageSource", "dockerhub"), ("otel-multicloud:imagePullCredentialArn", null), ("otel-multicloud:allowPublicImagePull", "\"true\""));

        Assert.Equal("otel/opentelemetry-collector-contrib:0.159.0", Image(program, "sampler"));
    }

    [Theory]
    [InlineData("pullThroughCache", "otel-multicloud:imagePullCredentialArn", null, "needs otel-multicloud:imagePullCredentialArn")]
    [InlineData("registry", "otel-multicloud:imageRepository", null, "needs otel-multicloud:imageRepository")]
    [InlineData("dockerhub", "otel-multicloud:imageRepository", Repository, "otel-multicloud:imageRepository is set but otel-multicloud:imageSource is dockerhub")]
    public void Each_source_names_the_setting_it_needs_or_does_not_use(string source, string key, string? value, string expected)
    {
        var error = TestSupport.RefusedVariant("dev", ("otel-multicloud:imageSource", source), (key, value));

        Assert.Contains(expected, error);
    }
}
