namespace Infra.Model.Aws;

/// <summary><c>aws:s3:Bucket</c>; its settings are resources of their own (provider v7), each below.</summary>
public sealed class S3Bucket(string name, S3BucketArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:s3:Bucket";

    /// <summary>The bucket's name.</summary>
    public Output<string> BucketName => OutputOf<string>("bucket");

    public Output<string> Arn => OutputOf<string>("arn");
}

public sealed record S3BucketArgs
{
    /// <summary>The provider adds a unique suffix: bucket names are global.</summary>
    public required string BucketPrefix { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary><c>aws:s3:BucketPublicAccessBlock</c>.</summary>
public sealed class S3BucketPublicAccessBlock(string name, S3BucketPublicAccessBlockArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:s3:BucketPublicAccessBlock";
}

public sealed record S3BucketPublicAccessBlockArgs(Input<string> Bucket, bool BlockPublicAcls, bool BlockPublicPolicy, bool IgnorePublicAcls, bool RestrictPublicBuckets);

/// <summary><c>aws:s3:BucketServerSideEncryptionConfiguration</c>.</summary>
public sealed class S3BucketEncryption(string name, S3BucketEncryptionArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:s3:BucketServerSideEncryptionConfiguration";
}

public sealed record S3BucketEncryptionArgs(Input<string> Bucket, IReadOnlyList<S3EncryptionRule> Rules);

public sealed record S3EncryptionRule(S3EncryptionByDefault ApplyServerSideEncryptionByDefault);

public sealed record S3EncryptionByDefault(string SseAlgorithm);

/// <summary><c>aws:s3:BucketLifecycleConfiguration</c>.</summary>
public sealed class S3BucketLifecycle(string name, S3BucketLifecycleArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:s3:BucketLifecycleConfiguration";
}

public sealed record S3BucketLifecycleArgs(Input<string> Bucket, IReadOnlyList<S3LifecycleRule> Rules);

public sealed record S3LifecycleRule(string Id, string Status, S3LifecycleExpiration Expiration, S3LifecycleFilter Filter);

public sealed record S3LifecycleExpiration(int Days);

/// <summary>An empty filter applies the rule to every object.</summary>
public sealed record S3LifecycleFilter(string? Prefix = null);

/// <summary><c>aws:s3:BucketPolicy</c>.</summary>
public sealed class S3BucketPolicy(string name, S3BucketPolicyArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:s3:BucketPolicy";
}

public sealed record S3BucketPolicyArgs(Input<string> Bucket, Output<string> Policy);
