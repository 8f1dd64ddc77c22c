using Infra.Model;
using Infra.Model.Aws;

namespace Infra.Components.Export;

public sealed record TransactionSearchArgs(string AwsRegion, double IndexingPercentage);

/// <summary>
/// CloudWatch Transaction Search, which the X-Ray OTLP endpoint requires: an account-and-region
/// singleton that one stack owns. X-Ray may write spans to the <c>aws/spans</c> and Application
/// Signals log groups (the resource policy AWS documents, scoped to this account with conditions),
/// segments go to CloudWatch Logs, and a share of spans is indexed as trace summaries.
/// </summary>
public sealed class TransactionSearch
{
    public const string ComponentName = "transaction-search";

    /// <summary>AWS documents this name for the policy (CloudWatch-Transaction-Search-Cloudformation).</summary>
    public const string PolicyName = "TransactionSearchAccess";

    public TransactionSearch(PulumiProgram program, TransactionSearchArgs args)
    {
        var account = InvokeExpression.Of<string>("aws:getCallerIdentity", new Dictionary<string, object>(), "accountId");
        var partition = InvokeExpression.Of<string>("aws:getPartition", new Dictionary<string, object>(), "partition");
        Output<string> LogGroup(string name) => JoinExpression.Of("arn:", partition, $":logs:{args.AwsRegion}:", account, $":log-group:{name}:*");

        var policy = program.Add(ComponentName, new LogResourcePolicy("transaction-search-logs-policy", new LogResourcePolicyArgs
        {
            PolicyName = PolicyName,
            PolicyDocument = new PolicyDocument
            {
                Statement =
                [
                    new PolicyStatement
                    {
                        Sid = "TransactionSearchXRayAccess",
                        Principal = new PolicyPrincipal("xray.amazonaws.com"),
                        Action = ["logs:PutLogEvents"],
                        Resource = [LogGroup("aws/spans"), LogGroup("/aws/application-signals/data")],
                        Condition = new Dictionary<string, IReadOnlyDictionary<string, object>>
                        {
                            ["ArnLike"] = new Dictionary<string, object> { ["aws:SourceArn"] = JoinExpression.Of("arn:", partition, $":xray:{args.AwsRegion}:", account, ":*") },
                            ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = account },
                        },
                    },
                ],
            }.ToJson(),
        }, new ResourceOptions
        {
            // Destroying the stack does not turn Transaction Search off; without this policy X-Ray
            // could no longer write the account's spans, so the policy stays.
            RetainOnDelete = true,
        }));

        program.Add(ComponentName, new TraceSegmentDestination("xray-segment-destination", new TraceSegmentDestinationArgs
        {
            Destination = "CloudWatchLogs",
        }, new ResourceOptions { DependsOn = [policy] }));

        program.Add(ComponentName, new XrayIndexingRule("xray-indexing-rule", new XrayIndexingRuleArgs
        {
            Name = "Default",
            Rule = new XrayIndexingRuleRule(new XrayProbabilisticIndexing(args.IndexingPercentage)),
        }, new ResourceOptions { DependsOn = [policy] }));
    }
}
