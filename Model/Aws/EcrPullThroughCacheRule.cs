namespace Infra.Model.Aws;

/// <summary><c>aws:ecr:PullThroughCacheRule</c>: images under the prefix are pulled from the upstream registry once and served from this account's ECR.</summary>
public sealed class EcrPullThroughCacheRule(string name, EcrPullThroughCacheRuleArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:ecr:PullThroughCacheRule";

    /// <summary>The account whose registry serves the cached images.</summary>
    public Output<string> RegistryId => OutputOf<string>("registryId");
}

public sealed record EcrPullThroughCacheRuleArgs
{
    public required string EcrRepositoryPrefix { get; init; }

    public required string UpstreamRegistryUrl { get; init; }

    /// <summary>Secrets Manager secret (ecr-pullthroughcache/...) with the upstream credentials; Docker Hub requires one.</summary>
    public string? CredentialArn { get; init; }
}
