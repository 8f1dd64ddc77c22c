using Infra.Model;
using Infra.Model.Aws;

namespace Infra.Components;

public sealed record CollectorIamArgs(
    string AwsRegion,
    IReadOnlyList<Output<string>> SecretParameterArns,
    Output<string> LogGroupArn,
    IReadOnlyDictionary<string, string> Tags);

/// <summary>
/// The two roles of the collector task, each with only what it uses: the execution role reads the
/// collector's parameters and writes its logs; the task role writes to X-Ray.
/// </summary>
public sealed class CollectorIam
{
    public const string ComponentName = "collector-iam";

    public CollectorIam(PulumiProgram program, CollectorIamArgs args)
    {
        var trustEcsTasks = new PolicyDocument
        {
            Statement = [new PolicyStatement { Principal = new PolicyPrincipal("ecs-tasks.amazonaws.com"), Action = ["sts:AssumeRole"] }],
        };

        ExecutionRole = program.Add(ComponentName, new IamRole("collector-execution-role", new IamRoleArgs
        {
            Description = "ECS pulls the collector's config and connection string from SSM and writes its logs.",
            AssumeRolePolicy = trustEcsTasks.ToJson(),
            Tags = args.Tags,
        }));

        // The SecureString uses the AWS-managed SSM key; its exact ARN is looked up at deploy time.
        var ssmKeyArn = InvokeExpression.Of<string>("aws:kms:getAlias", new Dictionary<string, object> { ["name"] = "alias/aws/ssm" }, "targetKeyArn");
        program.Add(ComponentName, new IamRolePolicy("collector-execution-policy", new IamRolePolicyArgs
        {
            Role = ExecutionRole.RoleName,
            Policy = new PolicyDocument
            {
                Statement =
                [
                    new PolicyStatement { Sid = "ReadCollectorParameters", Action = ["ssm:GetParameters"], Resource = [.. args.SecretParameterArns.Select(arn => (Input<string>)arn)] },
                    new PolicyStatement
                    {
                        Sid = "DecryptViaSsmOnly",
                        Action = ["kms:Decrypt"],
                        Resource = [ssmKeyArn],
                        Condition = new Dictionary<string, IReadOnlyDictionary<string, object>>
                        {
                            ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"ssm.{args.AwsRegion}.amazonaws.com" },
                        },
                    },
                    new PolicyStatement { Sid = "WriteCollectorLogs", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = [Interpolation.Of(args.LogGroupArn, ":*")] },
                ],
            }.ToJson(),
        }));

        TaskRole = program.Add(ComponentName, new IamRole("collector-task-role", new IamRoleArgs
        {
            Description = "The collector writes trace segments to X-Ray.",
            AssumeRolePolicy = trustEcsTasks.ToJson(),
            Tags = args.Tags,
        }));

        program.Add(ComponentName, new IamRolePolicy("collector-task-policy", new IamRolePolicyArgs
        {
            Role = TaskRole.RoleName,
            Policy = new PolicyDocument
            {
                Statement =
                [
                    // X-Ray has no resource-level permissions for these actions: "*" is the narrowest resource.
                    new PolicyStatement { Sid = "WriteTraces", Action = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], Resource = ["*"] },
                ],
            }.ToJson(),
        }));
    }

    public IamRole ExecutionRole { get; }

    public IamRole TaskRole { get; }
}
