using Infra.Collector;
using Infra.Model;
using Infra.Model.Aws;
using Infra.Settings;

namespace Infra.Components.Runtime;

public sealed record CollectorImageArgs(string NamePrefix, string AwsRegion, ImageSettings Image);

/// <summary>
/// Where the tasks pull their images from, and the execution-role permissions that source needs: Docker Hub
/// anonymously (no permissions), an ECR pull-through cache rule for Docker Hub in this account (and one for ECR Public,
/// for the utility image), or the user's own ECR repository. A digest pins the collector image whatever the source.
/// </summary>
public sealed class CollectorImage
{
    public const string ComponentName = "collector-image";

    /// <summary>The collector image's repository on Docker Hub; the tag is the pinned release.</summary>
    public const string DockerHubRepository = "otel/opentelemetry-collector-contrib";

    private const string DockerHubRegistry = "registry-1.docker.io";
    private const string EcrPublicRegistry = "public.ecr.aws";

    public CollectorImage(PulumiProgram program, CollectorImageArgs args)
    {
        var image = args.Image;
        string Pinned(string repository) => image.Digest is { } digest ? $"{repository}@{digest}" : $"{repository}:{CollectorDistribution.Version}";
        switch (image.Source)
        {
            case ImageSources.PullThroughCache:
                var dockerHubPrefix = $"{args.NamePrefix}-docker-hub";
                var dockerHub = Rule(program, dockerHubPrefix, DockerHubRegistry, image.PullCredentialArn);
                Collector = Interpolation.Of(Registry(dockerHub, args.AwsRegion), $"/{dockerHubPrefix}/", Pinned(DockerHubRepository));
                List<PolicyStatement> pulls = [PullThroughCache("PullThroughDockerHub", dockerHub, dockerHubPrefix, args.AwsRegion)];
                if (image.UtilityImage.StartsWith(EcrPublicRegistry + "/", StringComparison.Ordinal))
                {
                    var ecrPublicPrefix = $"{args.NamePrefix}-ecr-public";
                    var ecrPublic = Rule(program, ecrPublicPrefix, EcrPublicRegistry, credentialArn: null);
                    Utility = Interpolation.Of(Registry(ecrPublic, args.AwsRegion), $"/{ecrPublicPrefix}/", image.UtilityImage[(EcrPublicRegistry.Length + 1)..]);
                    pulls.Add(PullThroughCache("PullThroughEcrPublic", ecrPublic, ecrPublicPrefix, args.AwsRegion));
                }
                else
                {
                    Utility = Interpolation.Of(image.UtilityImage);
                }
                PullPermissions = [AuthorizeToEcr, .. pulls];
                break;
            case ImageSources.Registry:
                var repository = image.Repository!;
                Collector = Interpolation.Of(Pinned(repository));
                Utility = Interpolation.Of(image.UtilityImage);
                PullPermissions = [AuthorizeToEcr, PullFrom(RepositoryArn(repository))];
                break;
            default:
                Collector = Interpolation.Of(Pinned(DockerHubRepository));
                Utility = Interpolation.Of(image.UtilityImage);
                PullPermissions = [];
                break;
        }
    }

    /// <summary>The collector image reference the tasks run.</summary>
    public Output<string> Collector { get; }

    /// <summary>The small image with a shell (queue directory, liveness check).</summary>
    public Output<string> Utility { get; }

    /// <summary>What the execution roles need to pull from this source; none for Docker Hub.</summary>
    public IReadOnlyList<PolicyStatement> PullPermissions { get; }

    private static EcrPullThroughCacheRule Rule(PulumiProgram program, string prefix, string upstream, string? credentialArn) =>
        program.Add(ComponentName, new EcrPullThroughCacheRule(prefix, new EcrPullThroughCacheRuleArgs
        {
            EcrRepositoryPrefix = prefix,
            UpstreamRegistryUrl = upstream,
            CredentialArn = credentialArn,
        }));

    private static Output<string> Registry(EcrPullThroughCacheRule rule, string region) =>
        Interpolation.Of(rule.RegistryId, $".dkr.ecr.{region}.amazonaws.com");

    /// <summary>A token for the registry; the action takes no resource (AmazonECSTaskExecutionRolePolicy grants it on *).</summary>
    private static PolicyStatement AuthorizeToEcr => new() { Sid = "AuthorizeToEcr", Action = ["ecr:GetAuthorizationToken"], Resource = ["*"] };

    private static PolicyStatement PullFrom(Input<string> repositoryArn) => new()
    {
        Sid = "PullCollectorImage",
        Action = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
        Resource = [repositoryArn],
    };

    /// <summary>
    /// Pulling through the cache also imports the upstream image and creates its repository on the first pull
    /// (Amazon ECR user guide, "IAM permissions required to sync an upstream registry with an Amazon ECR private registry").
    /// </summary>
    private static PolicyStatement PullThroughCache(string sid, EcrPullThroughCacheRule rule, string prefix, string region) => new()
    {
        Sid = sid,
        Action = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "ecr:BatchImportUpstreamImage", "ecr:CreateRepository"],
        Resource = [Interpolation.Of($"arn:aws:ecr:{region}:", rule.RegistryId, $":repository/{prefix}/*")],
    };

    /// <summary>123456789012.dkr.ecr.eu-west-1.amazonaws.com/name to arn:aws:ecr:eu-west-1:123456789012:repository/name.</summary>
    public static string RepositoryArn(string repositoryUri)
    {
        var slash = repositoryUri.IndexOf('/', StringComparison.Ordinal);
        var host = repositoryUri[..slash].Split('.');
        return $"arn:aws:ecr:{host[3]}:{host[0]}:repository/{repositoryUri[(slash + 1)..]}";
    }
}
