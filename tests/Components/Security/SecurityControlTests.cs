using System.Text.Json;
using Infra.Tests.Evaluation;

namespace Infra.Tests.Components.Security;

/// <summary>The security controls the README's table names, as the checked-in stacks render them.</summary>
public class SecurityControlTests
{
    private static readonly EvaluatedProgram Dev = TestSupport.Evaluate("dev");
    private static readonly EvaluatedProgram Prod = TestSupport.Evaluate("prod");

    private static EvaluatedProgram Of(string stack) => stack == "dev" ? Dev : Prod;

    private static JsonElement Json(RegisteredResource resource, string property) => JsonDocument.Parse((string)resource.Inputs[property]!).RootElement;

    private static IEnumerable<string> Strings(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(e => e.GetString()!) : [element.GetString()!];

    private static string KeyArn(EvaluatedProgram program) => (string)program.Resources["stack-key"].State["arn"]!;

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Every_secure_string_log_group_and_the_topic_name_the_stacks_key(string stack)
    {
        var program = Of(stack);
        var key = KeyArn(program);

        var secure = program.OfType("aws:ssm:Parameter").Where(p => (string)p.Inputs["type"]! == "SecureString").ToList();
        Assert.NotEmpty(secure);
        Assert.All(secure, parameter => Assert.Equal(key, parameter.Inputs["keyId"]));
        Assert.All(program.OfType("aws:cloudwatch:LogGroup"), group => Assert.Equal(key, group.Inputs["kmsKeyId"]));
        Assert.Equal(key, program.Single("aws:sns:Topic").Inputs["kmsMasterKeyId"]);
        Assert.Equal(true, program.Single("aws:kms:Key").Inputs["enableKeyRotation"]);
        Assert.Equal($"alias/otel-{stack}-collector", program.Single("aws:kms:Alias").Inputs["name"]);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void No_policy_decrypts_with_the_aws_managed_ssm_key(string stack)
    {
        var program = Of(stack);
        var policies = program.OfType("aws:iam:RolePolicy").Select(p => (string)p.Inputs["policy"]!).ToList();

        Assert.DoesNotContain(policies, policy => policy.Contains("alias/aws/ssm", StringComparison.Ordinal));
        var decrypting = policies.SelectMany(policy => JsonDocument.Parse(policy).RootElement.GetProperty("Statement").EnumerateArray())
            .Where(statement => Strings(statement.GetProperty("Action")).Contains("kms:Decrypt")).ToList();
        Assert.NotEmpty(decrypting);
        Assert.All(decrypting, statement => Assert.Equal([KeyArn(program)], Strings(statement.GetProperty("Resource"))));
    }

    [Fact]
    public void The_key_policy_grants_exactly_the_expected_principals()
    {
        var statements = Json(Prod.Single("aws:kms:Key"), "policy").GetProperty("Statement").EnumerateArray()
            .ToDictionary(s => s.GetProperty("Sid").GetString()!);

        Assert.Equal(["AccountAdministers", "CloudWatchAlarmsPublishToTheTopic", "CloudWatchLogsEncryptsTheStacksLogGroups", "UseForStackParametersThroughSsm"], statements.Keys.Order());
        Assert.Equal("arn:aws:iam::123456789012:root", statements["AccountAdministers"].GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.DoesNotContain(Strings(statements["AccountAdministers"].GetProperty("Action")), action => action is "kms:*" or "kms:Decrypt" or "kms:Encrypt" or "kms:GenerateDataKey");

        var ssm = statements["UseForStackParametersThroughSsm"];
        Assert.Equal("arn:aws:iam::123456789012:root", ssm.GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.Equal("ssm.eu-west-1.amazonaws.com", ssm.GetProperty("Condition").GetProperty("StringEquals").GetProperty("kms:ViaService").GetString());
        Assert.Equal("arn:aws:ssm:eu-west-1:123456789012:parameter/otel-multicloud/prod/*", ssm.GetProperty("Condition").GetProperty("ArnLike").GetProperty("kms:EncryptionContext:PARAMETER_ARN").GetString());

        Assert.Equal("logs.eu-west-1.amazonaws.com", statements["CloudWatchLogsEncryptsTheStacksLogGroups"].GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal("arn:aws:logs:eu-west-1:123456789012:log-group:*",
            statements["CloudWatchLogsEncryptsTheStacksLogGroups"].GetProperty("Condition").GetProperty("ArnLike").GetProperty("kms:EncryptionContext:aws:logs:arn").GetString());
        Assert.Equal("cloudwatch.amazonaws.com", statements["CloudWatchAlarmsPublishToTheTopic"].GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal(["kms:Decrypt", "kms:GenerateDataKey*"], Strings(statements["CloudWatchAlarmsPublishToTheTopic"].GetProperty("Action")));
    }

    [Fact]
    public void The_production_vault_denies_every_network_but_the_named_ones_and_audits_every_read()
    {
        var vault = Prod.Single("azure-native:keyvault:Vault");
        var acls = (Dictionary<string, object?>)((Dictionary<string, object?>)vault.Inputs["properties"]!)["networkAcls"]!;
        Assert.Equal("Deny", acls["defaultAction"]);
        Assert.Equal("AzureServices", acls["bypass"]);
        Assert.Equal(new List<object?> { new Dictionary<string, object?> { ["value"] = "203.0.113.0/24" } }, acls["ipRules"]);

        var audit = Prod.Single("azure-native:monitor:DiagnosticSetting");
        Assert.Equal(vault.State["id"], audit.Inputs["resourceUri"]);
        Assert.Equal(Prod.Single("azure-native:operationalinsights:Workspace").State["id"], audit.Inputs["workspaceId"]);
        Assert.Equal(new List<object?> { new Dictionary<string, object?> { ["category"] = "AuditEvent", ["enabled"] = true } }, audit.Inputs["logs"]);
    }

    [Fact]
    public void A_production_vault_open_to_every_network_is_refused()
    {
        var error = TestSupport.RefusedVariant("prod", ("otel-multicloud:keyVaultAllowedIpRanges", null));

        Assert.StartsWith("error: Pulumi.prod.yaml: a production stack's Key Vault (which holds the ingress token) admits only named networks: set otel-multicloud:keyVaultAllowedIpRanges", error);
    }

    [Fact]
    public void Production_log_groups_outlive_the_stack()
    {
        var program = TestSupport.Synth("prod");
        var dev = TestSupport.Synth("dev");

        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(program, @"type: aws:cloudwatch:LogGroup\n(?:    .*\n)*?      retainOnDelete: true").Count);
        Assert.DoesNotContain("retainOnDelete: true", dev);
    }

    [Fact]
    public void Production_load_balancer_logs_go_to_a_private_encrypted_expiring_bucket()
    {
        var bucket = Prod.Single("aws:s3:Bucket");
        var name = (string)bucket.State["bucket"]!;
        Assert.Equal(new Dictionary<string, object?> { ["bucket"] = name, ["enabled"] = true, ["prefix"] = "nlb" }, Prod.Single("aws:lb:LoadBalancer").Inputs["accessLogs"]);

        var block = Prod.Single("aws:s3:BucketPublicAccessBlock");
        Assert.All(new[] { "blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets" }, key => Assert.Equal(true, block.Inputs[key]));
        Assert.Contains("\"sseAlgorithm\":\"AES256\"", JsonSerializer.Serialize(Prod.Single("aws:s3:BucketServerSideEncryptionConfiguration").Inputs["rules"]));
        Assert.Contains("\"days\":90", JsonSerializer.Serialize(Prod.Single("aws:s3:BucketLifecycleConfiguration").Inputs["rules"]));

        var statements = Json(Prod.Single("aws:s3:BucketPolicy"), "policy").GetProperty("Statement").EnumerateArray().ToList();
        Assert.All(statements, s => Assert.Equal("delivery.logs.amazonaws.com", s.GetProperty("Principal").GetProperty("Service").GetString()));
        Assert.Equal([$"arn:aws:s3:::{name}/nlb/AWSLogs/123456789012/*"], Strings(statements.Single(s => s.GetProperty("Sid").GetString() == "AWSLogDeliveryWrite").GetProperty("Resource")));
        Assert.Empty(Dev.OfType("aws:s3:Bucket"));
    }
}
