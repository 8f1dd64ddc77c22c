using System.Text.Json;
using Infra.Tests.Evaluation;

namespace Infra.Tests.Components.Runtime;

/// <summary>
/// The AWS runtime of the single topology (the dev stack), and what every stack shares, evaluated
/// through the mocked resource monitor: what a security review reads. The tiered shape: TieredTopologyTests.
/// </summary>
public class AwsRuntimeTests
{
    /// <summary>The collector's container; the task may also run the queue-directory preparer and a liveness sidecar.</summary>
    private static JsonElement Collector(RegisteredResource task) =>
        Json(task, "containerDefinitions").EnumerateArray().Single(c => c.GetProperty("name").GetString() == Infra.Components.Runtime.CollectorTier.ContainerName);

    private static readonly EvaluatedProgram Dev = TestSupport.Evaluate("dev");
    private static readonly EvaluatedProgram Prod = TestSupport.Evaluate("prod");

    private static string Arn(string resource) => (string)Dev.Resources[resource].State["arn"]!;

    private static JsonElement Json(RegisteredResource resource, string property) =>
        JsonDocument.Parse(Assert.IsType<string>(resource.Inputs[property])).RootElement;

    private static List<string> Strings(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(e => e.GetString()!).ToList() : [element.GetString()!];

    [Fact]
    public void Egress_is_tcp_443_from_the_tasks_and_the_otlp_and_health_ports_from_the_load_balancer_to_them_only()
    {
        var egress = Dev.OfType("aws:vpc:SecurityGroupEgressRule")
            .Select(r => $"{r.Inputs["securityGroupId"]} tcp {r.Inputs["fromPort"]} to {r.Inputs.GetValueOrDefault("cidrIpv4") ?? r.Inputs["referencedSecurityGroupId"]}")
            .Order().ToList();

        Assert.Equal(
            [
                "collector-security-group-id tcp 443 to 0.0.0.0/0",
                "load-balancer-security-group-id tcp 13133 to collector-security-group-id",
                "load-balancer-security-group-id tcp 4317 to collector-security-group-id",
                "load-balancer-security-group-id tcp 4318 to collector-security-group-id",
            ],
            egress);
        Assert.All(Dev.OfType("aws:ec2:SecurityGroup"), group =>
        {
            Assert.False(group.Inputs.ContainsKey("egress"));
            Assert.False(group.Inputs.ContainsKey("ingress"));
        });
    }

    [Fact]
    public void Only_the_load_balancer_admits_the_named_cidrs_and_the_tasks_admit_only_the_load_balancer()
    {
        var rules = Dev.OfType("aws:vpc:SecurityGroupIngressRule")
            .Select(r => $"{r.Inputs["securityGroupId"]} tcp {r.Inputs["fromPort"]}-{r.Inputs["toPort"]} from {r.Inputs.GetValueOrDefault("cidrIpv4") ?? r.Inputs["referencedSecurityGroupId"]}")
            .Order().ToList();

        Assert.Equal(
            [
                "collector-security-group-id tcp 13133-13133 from load-balancer-security-group-id",
                "collector-security-group-id tcp 4317-4317 from load-balancer-security-group-id",
                "collector-security-group-id tcp 4318-4318 from load-balancer-security-group-id",
                "load-balancer-security-group-id tcp 4317-4317 from 10.20.0.0/16",
                "load-balancer-security-group-id tcp 4318-4318 from 10.20.0.0/16",
            ],
            rules);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void No_rule_admits_a_cidr_to_a_task_port(string stack)
    {
        var program = stack == "dev" ? Dev : Prod;
        var loadBalancerGroup = program.Resources["load-balancer-security-group"].State["id"];

        Assert.All(program.OfType("aws:vpc:SecurityGroupIngressRule").Where(r => r.Inputs.ContainsKey("cidrIpv4")),
            rule => Assert.Equal(loadBalancerGroup, rule.Inputs["securityGroupId"]));
        Assert.Equal(new List<object?> { loadBalancerGroup }, program.Single("aws:lb:LoadBalancer").Inputs["securityGroups"]);
    }

    [Fact]
    public void Every_role_trusts_only_this_accounts_ecs_tasks()
    {
        foreach (var role in Dev.OfType("aws:iam:Role").Concat(Prod.OfType("aws:iam:Role")))
        {
            var statement = Assert.Single(Json(role, "assumeRolePolicy").GetProperty("Statement").EnumerateArray());
            Assert.Equal("ecs-tasks.amazonaws.com", statement.GetProperty("Principal").GetProperty("Service").GetString());
            Assert.Equal(["sts:AssumeRole"], Strings(statement.GetProperty("Action")));
            // Confused deputy: both conditions, the account from aws:getCallerIdentity.
            var condition = statement.GetProperty("Condition");
            Assert.Equal("123456789012", condition.GetProperty("StringEquals").GetProperty("aws:SourceAccount").GetString());
            Assert.Equal("arn:aws:ecs:eu-west-1:123456789012:*", condition.GetProperty("ArnLike").GetProperty("aws:SourceArn").GetString());
        }
    }

    [Fact]
    public void Execution_role_reads_exactly_its_parameters_decrypts_via_ssm_and_writes_its_log_group()
    {
        var policy = Dev.Resources["collector-execution-policy"];
        Assert.Equal(Dev.Resources["collector-execution-role"].State["name"], policy.Inputs["role"]);
        var statements = Json(policy, "policy").GetProperty("Statement").EnumerateArray().ToList();
        Assert.Equal(3, statements.Count);

        Assert.Equal(["ssm:GetParameters"], Strings(statements[0].GetProperty("Action")));
        Assert.Equal(
            [Arn("collector-otel-config"), Arn("azure-monitor-connection-string"), Arn("ingress-token-parameter"), Arn("ingress-token-previous-parameter"), Arn("ingress-token-next-parameter")],
            Strings(statements[0].GetProperty("Resource")));

        // The stack's key only, through SSM only, for this tier's own parameters only.
        Assert.Equal(["kms:Decrypt"], Strings(statements[1].GetProperty("Action")));
        Assert.Equal([(string)Dev.Resources["stack-key"].State["arn"]!], Strings(statements[1].GetProperty("Resource")));
        Assert.Equal("ssm.eu-west-1.amazonaws.com", statements[1].GetProperty("Condition").GetProperty("StringEquals").GetProperty("kms:ViaService").GetString());
        Assert.Equal(Strings(statements[0].GetProperty("Resource")), Strings(statements[1].GetProperty("Condition").GetProperty("ForAnyValue:StringEquals").GetProperty("kms:EncryptionContext:PARAMETER_ARN")));

        Assert.Equal(["logs:CreateLogStream", "logs:PutLogEvents"], Strings(statements[2].GetProperty("Action")));
        Assert.Equal([Arn("collector-log-group") + ":*"], Strings(statements[2].GetProperty("Resource")));
        Assert.All(statements, s => Assert.Equal("Allow", s.GetProperty("Effect").GetString()));
    }

    [Fact]
    public void Task_role_writes_to_xray_and_only_to_its_own_metrics_log_group()
    {
        var policy = Dev.Resources["collector-task-policy"];
        var statements = Json(policy, "policy").GetProperty("Statement").EnumerateArray().ToList();
        Assert.Equal(2, statements.Count);
        Assert.Equal(["xray:PutTraceSegments"], Strings(statements[0].GetProperty("Action")));
        Assert.Equal(["*"], Strings(statements[0].GetProperty("Resource")));

        // awsemf needs PutLogEvents and CreateLogStream, nothing else: the group is Pulumi's, so no CreateLogGroup.
        Assert.Equal(["logs:CreateLogStream", "logs:PutLogEvents"], Strings(statements[1].GetProperty("Action")));
        Assert.Equal([Arn("collector-metrics-log-group"), Arn("collector-metrics-log-group") + ":*"], Strings(statements[1].GetProperty("Resource")));
        Assert.Equal("/otel-multicloud/dev/collector/pipeline-metrics", Dev.Resources["collector-metrics-log-group"].Inputs["name"]);
    }

    [Fact]
    public void No_policy_grants_a_wildcard_action()
    {
        var actions = Dev.OfType("aws:iam:RolePolicy").Concat(Prod.OfType("aws:iam:RolePolicy"))
            .SelectMany(p => Json(p, "policy").GetProperty("Statement").EnumerateArray())
            .SelectMany(s => Strings(s.GetProperty("Action")));
        Assert.DoesNotContain(actions, action => action.Contains('*'));
    }

    [Fact]
    public void Container_reads_config_connection_string_and_ingress_tokens_as_secrets_by_parameter_arn()
    {
        var container = Collector(Dev.Single("aws:ecs:TaskDefinition"));
        var secrets = container.GetProperty("secrets").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("valueFrom").GetString()!);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["OTEL_CONFIG"] = Arn("collector-otel-config"),
                ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = Arn("azure-monitor-connection-string"),
                ["OTLP_INGRESS_TOKEN"] = Arn("ingress-token-parameter"),
                ["OTLP_INGRESS_TOKEN_PREVIOUS"] = Arn("ingress-token-previous-parameter"),
                ["OTLP_INGRESS_TOKEN_NEXT"] = Arn("ingress-token-next-parameter"),
            },
            secrets);
        var environment = container.GetProperty("environment").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetString()!);
        Assert.Equal(["GOMEMLIMIT", "AWS_REGION", "OTLP_INGRESS_TOKEN_GENERATION"], environment.Keys);
        Assert.Equal("1", environment["OTLP_INGRESS_TOKEN_GENERATION"]);
        Assert.Equal("eu-west-1", environment["AWS_REGION"]);
        Assert.DoesNotContain("InstrumentationKey", container.GetRawText());
    }

    [Fact]
    public void Container_runs_the_pinned_contrib_image_from_env_config_read_only_and_not_as_root()
    {
        var task = Dev.Single("aws:ecs:TaskDefinition");
        var container = Collector(task);

        Assert.Equal(Infra.Collector.CollectorDistribution.Image, container.GetProperty("image").GetString());
        Assert.Equal(["--config=env:OTEL_CONFIG"], Strings(container.GetProperty("command")));
        Assert.Equal([4317, 4318, 13133], container.GetProperty("portMappings").EnumerateArray().Select(p => p.GetProperty("containerPort").GetInt32()));
        Assert.True(container.GetProperty("readonlyRootFilesystem").GetBoolean());
        Assert.Equal("10001", container.GetProperty("user").GetString());
        Assert.True(container.GetProperty("essential").GetBoolean());

        var logging = container.GetProperty("logConfiguration");
        Assert.Equal("awslogs", logging.GetProperty("logDriver").GetString());
        Assert.Equal("/ecs/otel-dev/collector", logging.GetProperty("options").GetProperty("awslogs-group").GetString());
        Assert.Equal("eu-west-1", logging.GetProperty("options").GetProperty("awslogs-region").GetString());
    }

    [Fact]
    public void Task_size_comes_from_the_stack_and_gomemlimit_is_80_percent_of_it()
    {
        var dev = Dev.Single("aws:ecs:TaskDefinition");

        Assert.Equal(("512", "1024"), ((string)dev.Inputs["cpu"]!, (string)dev.Inputs["memory"]!));
        Assert.Equal("819MiB", Collector(dev).GetProperty("environment")[0].GetProperty("value").GetString());
        Assert.Equal(new List<object?> { "FARGATE" }, dev.Inputs["requiresCompatibilities"]);
        Assert.Equal("awsvpc", dev.Inputs["networkMode"]);
        Assert.Equal("ARM64", ((Dictionary<string, object?>)dev.Inputs["runtimePlatform"]!)["cpuArchitecture"]);
        Assert.Equal(Arn("collector-execution-role"), dev.Inputs["executionRoleArn"]);
        Assert.Equal(Arn("collector-task-role"), dev.Inputs["taskRoleArn"]);
    }

    [Fact]
    public void Log_group_retention_comes_from_the_stack()
    {
        Assert.All(Prod.OfType("aws:cloudwatch:LogGroup"), group => Assert.Equal(90L, group.Inputs["retentionInDays"]));
        Assert.All(Dev.OfType("aws:cloudwatch:LogGroup"), group => Assert.Equal(7L, group.Inputs["retentionInDays"]));
        Assert.Equal(["collector-log-group", "collector-metrics-log-group"], Dev.OfType("aws:cloudwatch:LogGroup").Select(group => group.Name).Order());
    }

    [Fact]
    public void Cluster_has_container_insights_on()
    {
        var setting = Assert.Single((List<object?>)Prod.Single("aws:ecs:Cluster").Inputs["settings"]!);
        Assert.Equal(new Dictionary<string, object?> { ["name"] = "containerInsights", ["value"] = "enabled" }, setting);
    }

    [Fact]
    public void Service_runs_privately_and_rolls_back_a_revision_that_cannot_start()
    {
        var service = Dev.Single("aws:ecs:Service");
        var network = (Dictionary<string, object?>)service.Inputs["networkConfiguration"]!;

        Assert.Equal("FARGATE", service.Inputs["launchType"]);
        Assert.Equal(1L, service.Inputs["desiredCount"]);
        Assert.Equal(false, network["assignPublicIp"]);
        Assert.Equal(new List<object?> { "subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002" }, network["subnets"]);
        Assert.Equal(new List<object?> { "collector-security-group-id" }, network["securityGroups"]);
        Assert.Equal(new Dictionary<string, object?> { ["enable"] = true, ["rollback"] = true }, service.Inputs["deploymentCircuitBreaker"]);
        Assert.Equal(100L, service.Inputs["deploymentMinimumHealthyPercent"]);
        Assert.Equal(200L, service.Inputs["deploymentMaximumPercent"]);
        Assert.Equal(Arn("collector-cluster"), service.Inputs["cluster"]);
        Assert.Equal(Arn("collector-task"), service.Inputs["taskDefinition"]);
        Assert.Empty(Dev.OfType("aws:appautoscaling:Target"));
    }

    [Fact]
    public void Service_registers_in_both_target_groups_after_the_listeners_exist()
    {
        var service = Dev.Single("aws:ecs:Service");
        var registrations = ((List<object?>)service.Inputs["loadBalancers"]!).Cast<Dictionary<string, object?>>()
            .Select(lb => $"{lb["targetGroupArn"]} -> {lb["containerName"]}:{lb["containerPort"]}").ToList();

        Assert.Equal([$"{Arn("grpc-targets")} -> otel-collector:4317", $"{Arn("http-targets")} -> otel-collector:4318"], registrations);
        var order = Dev.RegistrationOrder.ToList();
        // Both listeners exist and register before the service (IndexOf is -1 for a missing one).
        Assert.InRange(order.IndexOf("grpc-listener"), 0, order.IndexOf("collector-service") - 1);
        Assert.InRange(order.IndexOf("http-listener"), 0, order.IndexOf("collector-service") - 1);
    }

    [Fact]
    public void Load_balancer_is_an_internal_nlb_with_http_health_checks_on_13133_and_tcp_listeners_when_ingress_stays_in_the_vpc()
    {
        var balancer = Prod.Single("aws:lb:LoadBalancer");
        Assert.Equal("network", balancer.Inputs["loadBalancerType"]);
        Assert.Equal(true, balancer.Inputs["internal"]);

        // Dev's senders are all inside its VPC: plain TCP is allowed there.
        var listeners = Dev.OfType("aws:lb:Listener").OrderBy(l => (long)l.Inputs["port"]!).ToList();
        Assert.Equal([4317L, 4318L], listeners.Select(l => (long)l.Inputs["port"]!));
        Assert.All(listeners, l => Assert.Equal("TCP", l.Inputs["protocol"]));
        Assert.All(listeners, l => Assert.False(l.Inputs.ContainsKey("certificateArn")));

        foreach (var group in Prod.OfType("aws:lb:TargetGroup"))
        {
            Assert.Equal("ip", group.Inputs["targetType"]);
            Assert.Equal("true", group.Inputs["preserveClientIp"]);
            var health = (Dictionary<string, object?>)group.Inputs["healthCheck"]!;
            Assert.Equal("HTTP", health["protocol"]);
            Assert.Equal("13133", health["port"]);
        }
    }

    [Fact]
    public void Only_prod_protects_the_load_balancer_from_deletion()
    {
        Assert.Equal(true, Prod.Single("aws:lb:LoadBalancer").Inputs["enableDeletionProtection"]);
        Assert.False(TestSupport.Evaluate("dev").Single("aws:lb:LoadBalancer").Inputs.ContainsKey("enableDeletionProtection"));
    }

    [Fact]
    public void Stack_outputs_name_the_otlp_endpoints()
    {
        Assert.Equal("http://load-balancer-0123456789.elb.eu-west-1.amazonaws.com:4317", Dev.Outputs["otlpGrpcEndpoint"]);
        Assert.Equal("http://load-balancer-0123456789.elb.eu-west-1.amazonaws.com:4318", Dev.Outputs["otlpHttpEndpoint"]);
        // With TLS the endpoints name the host the certificate covers; the load balancer's own name is its CNAME target.
        Assert.Equal("https://otlp.prod.example.com:4317", Prod.Outputs["otlpGrpcEndpoint"]);
        Assert.Equal("https://otlp.prod.example.com:4318", Prod.Outputs["otlpHttpEndpoint"]);
        Assert.Equal("load-balancer-0123456789.elb.eu-west-1.amazonaws.com", Prod.Outputs["otlpLoadBalancerDnsName"]);
    }

    [Fact]
    public void A_certificate_turns_the_listeners_into_tls_with_http2_for_grpc()
    {
        const string certificate = "arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012";
        var directory = TestSupport.StackDirectoryWith("tls", TestSupport.DevStackWith(("otel-multicloud:certificateArn", certificate), ("otel-multicloud:ingressHostName", "otlp.dev.example.com")));
        var result = TestSupport.RunCli(["synth", "--stack", "tls", "--flat"], projectDirectory: directory);
        Assert.Equal(0, result.ExitCode);
        var program = new ProgramEvaluator(FakeCloud.Create().Object).Evaluate(result.Stdout);

        var listeners = program.OfType("aws:lb:Listener").ToDictionary(l => (long)l.Inputs["port"]!);
        Assert.All(listeners.Values, l => Assert.Equal("TLS", l.Inputs["protocol"]));
        Assert.All(listeners.Values, l => Assert.Equal(certificate, l.Inputs["certificateArn"]));
        Assert.Equal("HTTP2Preferred", listeners[4317].Inputs["alpnPolicy"]);
        Assert.False(listeners[4318].Inputs.ContainsKey("alpnPolicy"));
        Assert.Equal("https://otlp.dev.example.com:4317", program.Outputs["otlpGrpcEndpoint"]);
        Assert.All(listeners.Values, l => Assert.Equal("ELBSecurityPolicy-TLS13-1-2-2021-06", l.Inputs["sslPolicy"]));
    }
}
