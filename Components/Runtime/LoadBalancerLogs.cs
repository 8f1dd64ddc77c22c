using Infra.Model;
using Infra.Model.Aws;

namespace Infra.Components.Runtime;

public sealed record LoadBalancerLogsArgs(string NamePrefix, string AwsRegion, Output<string> Account, int RetentionDays, IReadOnlyDictionary<string, string> Tags);

/// <summary>
/// Where the OTLP load balancer writes its access logs (who connected, over which TLS version): an S3 bucket with every
/// public access blocked, SSE-S3 encryption, objects expired after the retention, and the policy Elastic Load Balancing
/// documents for a Network Load Balancer's log delivery (the delivery.logs.amazonaws.com service principal writing under
/// AWSLogs/ACCOUNT, with the source-account and source-ARN conditions: ELB user guide, "Access logs for your Network
/// Load Balancer", bucket requirements). A Network Load Balancer writes them for TLS listeners only.
/// </summary>
public sealed class LoadBalancerLogs
{
    public const string ComponentName = "load-balancer-logs";

    public const string Prefix = "nlb";

    public LoadBalancerLogs(PulumiProgram program, LoadBalancerLogsArgs args)
    {
        Bucket = program.Add(ComponentName, new S3Bucket("load-balancer-logs-bucket", new S3BucketArgs
        {
            BucketPrefix = $"{args.NamePrefix}-nlb-logs-",
            Tags = args.Tags,
        }));
        var bucketName = Bucket.BucketName;
        program.Add(ComponentName, new S3BucketPublicAccessBlock("load-balancer-logs-public-access-block", new S3BucketPublicAccessBlockArgs(bucketName, true, true, true, true)));
        program.Add(ComponentName, new S3BucketEncryption("load-balancer-logs-encryption", new S3BucketEncryptionArgs(bucketName, [new S3EncryptionRule(new S3EncryptionByDefault("AES256"))])));
        program.Add(ComponentName, new S3BucketLifecycle("load-balancer-logs-lifecycle", new S3BucketLifecycleArgs(bucketName,
            [new S3LifecycleRule("expire-access-logs", "Enabled", new S3LifecycleExpiration(args.RetentionDays), new S3LifecycleFilter())])));
        var deliveryConditions = new Dictionary<string, IReadOnlyDictionary<string, object>>
        {
            ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = args.Account },
            ["ArnLike"] = new Dictionary<string, object> { ["aws:SourceArn"] = JoinExpression.Of($"arn:aws:logs:{args.AwsRegion}:", args.Account, ":*") },
        };
        Policy = program.Add(ComponentName, new S3BucketPolicy("load-balancer-logs-policy", new S3BucketPolicyArgs(bucketName, new PolicyDocument
        {
            Statement =
            [
                new PolicyStatement
                {
                    Sid = "AWSLogDeliveryWrite",
                    Principal = new PolicyPrincipal("delivery.logs.amazonaws.com"),
                    Action = ["s3:PutObject"],
                    Resource = [JoinExpression.Of(Bucket.Arn, $"/{Prefix}/AWSLogs/", args.Account, "/*")],
                    Condition = new Dictionary<string, IReadOnlyDictionary<string, object>>(deliveryConditions)
                    {
                        ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = args.Account, ["s3:x-amz-acl"] = "bucket-owner-full-control" },
                    },
                },
                new PolicyStatement
                {
                    Sid = "AWSLogDeliveryAclCheck",
                    Principal = new PolicyPrincipal("delivery.logs.amazonaws.com"),
                    Action = ["s3:GetBucketAcl"],
                    Resource = [Bucket.Arn],
                    Condition = deliveryConditions,
                },
            ],
        }.ToJson())));
    }

    public S3Bucket Bucket { get; }

    /// <summary>The load balancer writes its logs only once the policy lets it; depend on this.</summary>
    public S3BucketPolicy Policy { get; }
}
