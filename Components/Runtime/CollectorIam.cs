using Infra.Model;
using Infra.Components.Security;
using Infra.Model.Aws;

namespace Infra.Components.Runtime;

public sealed record CollectorIamArgs(
    string Tier,
    string AwsRegion,
    IReadOnlyList<Output<string>> SecretParameterArns,
    Output<string> LogGroupArn,
    IReadOnlyList<PolicyStatement> TaskPermissions,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The stack's key: the SecureStrings are encrypted with it, and the account the trust conditions name.</summary>
    public required StackKey Key { get; init; }

    /// <summary>What ECS needs beyond the parameters and logs to start the tasks: pulling the images from a private source.</summary>
    public IReadOnlyList<PolicyStatement> ExecutionPermissions { get; init; } = [];
}

/// <summary>
/// The two roles of one tier's tasks, each with only what that tier uses: the execution role reads
/// exactly this tier's parameters and writes its logs; the task role holds what the collector itself
/// calls (X-Ray for samplers, Cloud Map discovery for routers).
/// </summary>
public sealed class CollectorIam
{
    public CollectorIam(PulumiProgram program, string component, CollectorIamArgs args)
    {
        // Confused deputy: ECS may assume the roles only for this account's tasks. ECS names the task as the source ARN
        // only in this account's ECS ARNs (the task's cluster is not a fixed prefix of it), so the account's ECS ARNs it is
        // (ECS developer guide, task IAM role and task execution role: aws:SourceAccount and aws:SourceArn).
        var trustEcsTasks = new PolicyDocument
        {
            Statement =
            [
                new PolicyStatement
                {
                    Principal = new PolicyPrincipal("ecs-tasks.amazonaws.com"),
                    Action = ["sts:AssumeRole"],
                    Condition = new Dictionary<string, IReadOnlyDictionary<string, object>>
                    {
                        ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = args.Key.Account },
                        ["ArnLike"] = new Dictionary<string, object> { ["aws:SourceArn"] = JoinExpression.Of($"arn:aws:ecs:{args.AwsRegion}:", args.Key.Account, ":*") },
                    },
                },
            ],
        };

        ExecutionRole = program.Add(component, new IamRole($"{args.Tier}-execution-role", new IamRoleArgs
        {
            Description = $"ECS pulls the {args.Tier} tier's collector config and secrets from SSM and writes its logs.",
            AssumeRolePolicy = trustEcsTasks.ToJson(),
            Tags = args.Tags,
        }));

        program.Add(component, new IamRolePolicy($"{args.Tier}-execution-policy", new IamRolePolicyArgs
        {
            Role = ExecutionRole.RoleName,
            Policy = new PolicyDocument
            {
                Statement =
                [
                    new PolicyStatement { Sid = "ReadCollectorParameters", Action = ["ssm:GetParameters"], Resource = [.. args.SecretParameterArns.Select(arn => (Input<string>)arn)] },
                    args.Key.DecryptThroughSsm(args.SecretParameterArns),
                    new PolicyStatement { Sid = "WriteCollectorLogs", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = [Interpolation.Of(args.LogGroupArn, ":*")] },
                    .. args.ExecutionPermissions,
                ],
            }.ToJson(),
        }));

        TaskRole = program.Add(component, new IamRole($"{args.Tier}-task-role", new IamRoleArgs
        {
            Description = $"What the {args.Tier} tier's collector itself calls in AWS.",
            AssumeRolePolicy = trustEcsTasks.ToJson(),
            Tags = args.Tags,
        }));

        if (args.TaskPermissions.Count > 0)
        {
            program.Add(component, new IamRolePolicy($"{args.Tier}-task-policy", new IamRolePolicyArgs
            {
                Role = TaskRole.RoleName,
                Policy = new PolicyDocument { Statement = args.TaskPermissions }.ToJson(),
            }));
        }
    }

    public IamRole ExecutionRole { get; }

    public IamRole TaskRole { get; }

    /// <summary>
    /// Both X-Ray paths are authorized as PutTraceSegments: the awsxray exporter calls it, and AWS
    /// documents the OTLP traces endpoint as "authorized as xray:PutTraceSegments" (X-Ray developer
    /// guide, xray-opentelemetry-bearer-token.html). PutTelemetryRecords is only for awsxray's
    /// telemetry, which is off. X-Ray has no resource-level permissions here: "*" is the narrowest.
    /// </summary>
    public static PolicyStatement WriteTraces => new() { Sid = "WriteTraces", Action = ["xray:PutTraceSegments"], Resource = ["*"] };

    /// <summary>
    /// awsemf calls PutLogEvents and, for a stream not there yet, CreateLogStream (contrib internal/aws/cwlogs,
    /// v0.156.0); the group exists, so no CreateLogGroup, and a mistyped group name fails loudly. The
    /// group's ARN (without :*) for the stream it creates, with :* for the streams inside it.
    /// </summary>
    public static PolicyStatement WriteMetrics(Output<string> logGroupArn) => new()
    {
        Sid = "WritePipelineMetrics",
        Action = ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource = [logGroupArn, Interpolation.Of(logGroupArn, ":*")],
    };

    /// <summary>DiscoverInstances takes no resource ARN; the conditions pin it to the samplers' namespace and service.</summary>
    public static PolicyStatement DiscoverSamplers(string namespaceName, string serviceName) => new()
    {
        Sid = "DiscoverSamplers",
        Action = ["servicediscovery:DiscoverInstances"],
        Resource = ["*"],
        Condition = new Dictionary<string, IReadOnlyDictionary<string, object>>
        {
            ["StringEquals"] = new Dictionary<string, object>
            {
                ["servicediscovery:NamespaceName"] = namespaceName,
                ["servicediscovery:ServiceName"] = serviceName,
            },
        },
    };
}
