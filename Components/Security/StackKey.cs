using Infra.Model;
using Infra.Model.Aws;

namespace Infra.Components.Security;

public sealed record StackKeyArgs(string NamePrefix, string AwsRegion, string ParameterPrefix, IReadOnlyDictionary<string, string> Tags);

/// <summary>
/// One customer-managed KMS key per stack (rotated yearly, with an alias) for every SecureString, the log groups and
/// the alarm topic. Unlike the AWS-managed aws/ssm key, which every principal in the account may use through SSM, its
/// policy grants exactly: administration to the account (AWS KMS "Default key policy", key administrators: no
/// cryptographic use); encryption and decryption through SSM only and only for this stack's parameters (kms:ViaService and the
/// PARAMETER_ARN encryption context SSM sets: AWS Systems Manager "How Parameter Store uses AWS KMS"), which the
/// execution roles' own policies narrow to their parameters; CloudWatch Logs for this account's log groups (the
/// aws:logs:arn encryption context: CloudWatch Logs "Encrypt log data using AWS KMS"); and CloudWatch, to publish alarms
/// to the encrypted topic (Amazon SNS "Enable compatibility between event sources and encrypted topics").
/// </summary>
public sealed class StackKey
{
    public const string ComponentName = "stack-key";

    public StackKey(PulumiProgram program, StackKeyArgs args)
    {
        _ssmService = $"ssm.{args.AwsRegion}.amazonaws.com";
        var account = InvokeExpression.Of<string>("aws:getCallerIdentity", new Dictionary<string, object>(), "accountId");
        Account = account;
        var root = JoinExpression.Of("arn:aws:iam::", account, ":root");
        Key = program.Add(ComponentName, new KmsKey("stack-key", new KmsKeyArgs
        {
            Description = $"{args.NamePrefix}: the collector's SecureStrings, log groups and alarm topic",
            EnableKeyRotation = true,
            DeletionWindowInDays = 30,
            Policy = new PolicyDocument
            {
                Statement =
                [
                    new PolicyStatement { Sid = "AccountAdministers", Principal = new PolicyPrincipal { Aws = root }, Action = AdministrationActions, Resource = ["*"] },
                    new PolicyStatement
                    {
                        Sid = "UseForStackParametersThroughSsm",
                        Principal = new PolicyPrincipal { Aws = root },
                        Action = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"],
                        Resource = ["*"],
                        Condition = new Dictionary<string, IReadOnlyDictionary<string, object>>
                        {
                            ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = _ssmService },
                            ["ArnLike"] = new Dictionary<string, object> { ["kms:EncryptionContext:PARAMETER_ARN"] = JoinExpression.Of($"arn:aws:ssm:{args.AwsRegion}:", account, $":parameter{args.ParameterPrefix}/*") },
                        },
                    },
                    new PolicyStatement
                    {
                        Sid = "CloudWatchLogsEncryptsTheStacksLogGroups",
                        Principal = new PolicyPrincipal($"logs.{args.AwsRegion}.amazonaws.com"),
                        Action = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                        Resource = ["*"],
                        Condition = new Dictionary<string, IReadOnlyDictionary<string, object>>
                        {
                            ["ArnLike"] = new Dictionary<string, object> { ["kms:EncryptionContext:aws:logs:arn"] = JoinExpression.Of($"arn:aws:logs:{args.AwsRegion}:", account, ":log-group:*") },
                        },
                    },
                    new PolicyStatement
                    {
                        Sid = "CloudWatchAlarmsPublishToTheTopic",
                        Principal = new PolicyPrincipal("cloudwatch.amazonaws.com"),
                        Action = ["kms:Decrypt", "kms:GenerateDataKey*"],
                        Resource = ["*"],
                        Condition = new Dictionary<string, IReadOnlyDictionary<string, object>>
                        {
                            ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = account },
                        },
                    },
                ],
            }.ToJson(),
            Tags = args.Tags,
        }));
        program.Add(ComponentName, new KmsAlias("stack-key-alias", new KmsAliasArgs
        {
            Name = $"alias/{args.NamePrefix}-collector",
            TargetKeyId = Key.KeyId,
        }));
    }

    /// <summary>
    /// Managing the key without using it: the "key administrators" statement of AWS KMS's default key policy (AWS KMS
    /// Developer Guide, "Default key policy"). IAM in the account decides which principals administer it.
    /// </summary>
    public static readonly IReadOnlyList<string> AdministrationActions =
    [
        "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*",
        "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:RotateKeyOnDemand",
    ];

    /// <summary>SSM in the stack's region: the only service through which the key decrypts parameters.</summary>
    private readonly string _ssmService;

    public KmsKey Key { get; }

    /// <summary>The deploying account's id, read at deploy time.</summary>
    public Output<string> Account { get; }

    /// <summary>What an execution role needs to read its own SecureStrings: decrypt with this key, through SSM, for those parameters.</summary>
    public PolicyStatement DecryptThroughSsm(IReadOnlyList<Output<string>> parameterArns) => new()
    {
        Sid = "DecryptOwnParametersViaSsm",
        Action = ["kms:Decrypt"],
        Resource = [Key.Arn],
        Condition = new Dictionary<string, IReadOnlyDictionary<string, object>>
        {
            ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = _ssmService },
            ["ForAnyValue:StringEquals"] = new Dictionary<string, object> { ["kms:EncryptionContext:PARAMETER_ARN"] = parameterArns },
        },
    };
}
