namespace Infra.Model.Aws;

/// <summary><c>aws:cloudwatch:LogResourcePolicy</c>: an account-level CloudWatch Logs resource policy.</summary>
public sealed class LogResourcePolicy(string name, LogResourcePolicyArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:cloudwatch:LogResourcePolicy";
}

public sealed record LogResourcePolicyArgs
{
    /// <summary>At most 10 account-level policies per region.</summary>
    public required string PolicyName { get; init; }

    public required Input<string> PolicyDocument { get; init; }
}

/// <summary><c>aws:xray:TraceSegmentDestination</c>: where X-Ray writes spans; Transaction Search needs CloudWatchLogs.</summary>
public sealed class TraceSegmentDestination(string name, TraceSegmentDestinationArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:xray:TraceSegmentDestination";
}

public sealed record TraceSegmentDestinationArgs
{
    /// <summary><c>XRay</c> or <c>CloudWatchLogs</c>.</summary>
    public required string Destination { get; init; }
}

/// <summary><c>aws:xray:IndexingRule</c>: the share of spans indexed as searchable trace summaries.</summary>
public sealed class XrayIndexingRule(string name, XrayIndexingRuleArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:xray:IndexingRule";
}

public sealed record XrayIndexingRuleArgs
{
    /// <summary>The account's rule is named <c>Default</c>.</summary>
    public required string Name { get; init; }

    public required XrayIndexingRuleRule Rule { get; init; }
}

public sealed record XrayIndexingRuleRule(XrayProbabilisticIndexing Probabilistic);

public sealed record XrayProbabilisticIndexing(double DesiredSamplingPercentage);
