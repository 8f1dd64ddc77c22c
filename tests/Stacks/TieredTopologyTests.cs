using System.Text.Json;
using Infra.Tests.Evaluation;

namespace Infra.Tests.Stacks;

/// <summary>
/// The tiered topology (the prod stack): routers behind the NLB route by trace ID to samplers found
/// through Cloud Map. Least privilege per tier, group-to-group network rules, autoscaling per tier.
/// </summary>
public class TieredTopologyTests
{
    private static readonly EvaluatedProgram Prod = TestSupport.Evaluate("prod");

    private static RegisteredResource R(string name) => Prod.Resources[name];

    private static string Arn(string resource) => (string)R(resource).State["arn"]!;

    private static JsonElement Json(string resource, string property) =>
        JsonDocument.Parse(Assert.IsType<string>(R(resource).Inputs[property])).RootElement;

    private static JsonElement Container(string tier) => Json($"{tier}-task", "containerDefinitions").EnumerateArray().Single(c => c.GetProperty("name").GetString() == CollectorTier.ContainerName);

    private static List<string> Actions(string policy) =>
        Json(policy, "policy").GetProperty("Statement").EnumerateArray()
            .SelectMany(s => s.GetProperty("Action").EnumerateArray().Select(a => a.GetString()!)).ToList();

    private static List<string> MetricsStatementResources(string tier) =>
        Json($"{tier}-task-policy", "policy").GetProperty("Statement").EnumerateArray()
            .Single(s => s.GetProperty("Sid").GetString() == "WritePipelineMetrics")
            .GetProperty("Resource").EnumerateArray().Select(r => r.GetString()!).ToList();

    [Fact]
    public void Two_ecs_services_one_per_tier()
    {
        Assert.Equal(["router-service", "sampler-service"], Prod.OfType("aws:ecs:Service").Select(s => s.Name).Order());
        Assert.Equal(["router-task", "sampler-task"], Prod.OfType("aws:ecs:TaskDefinition").Select(s => s.Name).Order());
    }

    [Fact]
    public void Samplers_admit_otlp_grpc_only_from_the_routers_security_group()
    {
        var samplerGroup = (string)R("sampler-security-group").State["id"]!;
        var routerGroup = (string)R("router-security-group").State["id"]!;
        var samplerIngress = Prod.OfType("aws:vpc:SecurityGroupIngressRule").Where(r => Equals(r.Inputs["securityGroupId"], samplerGroup)).ToList();

        var rule = Assert.Single(samplerIngress);
        Assert.Equal(4317L, rule.Inputs["fromPort"]);
        Assert.Equal(4317L, rule.Inputs["toPort"]);
        Assert.Equal(routerGroup, rule.Inputs["referencedSecurityGroupId"]);
        Assert.False(rule.Inputs.ContainsKey("cidrIpv4"));
    }

    [Fact]
    public void Egress_is_https_for_both_tiers_plus_routers_to_samplers_on_4317()
    {
        var rules = Prod.OfType("aws:vpc:SecurityGroupEgressRule")
            .Select(r => $"{r.Inputs["securityGroupId"]} tcp {r.Inputs["fromPort"]} to {r.Inputs.GetValueOrDefault("cidrIpv4") ?? r.Inputs["referencedSecurityGroupId"]}")
            .Order().ToList();

        Assert.Equal(
            [
                "load-balancer-security-group-id tcp 13133 to router-security-group-id",
                "load-balancer-security-group-id tcp 4317 to router-security-group-id",
                "load-balancer-security-group-id tcp 4318 to router-security-group-id",
                "router-security-group-id tcp 4317 to sampler-security-group-id",
                "router-security-group-id tcp 443 to 0.0.0.0/0",
                "sampler-security-group-id tcp 443 to 0.0.0.0/0",
            ],
            rules);
    }

    [Fact]
    public void With_vpc_endpoints_the_routers_reach_https_only_inside_the_vpc_and_only_samplers_reach_azure()
    {
        var program = TestSupport.EvaluateVariant("prod", ("otel-multicloud:privateAwsEndpoints", "\"true\""), ("otel-multicloud:privateRouteTableIds", "[\"rtb-0f1e2d3c4b5a60001\"]"));
        var https = program.OfType("aws:vpc:SecurityGroupEgressRule").Where(r => (long)r.Inputs["fromPort"]! == 443)
            .ToDictionary(r => (string)r.Inputs["securityGroupId"]!, r => (string)r.Inputs["cidrIpv4"]!);

        Assert.Equal("10.40.0.0/16", https["router-security-group-id"]);
        Assert.Equal("0.0.0.0/0", https["sampler-security-group-id"]);
        var endpoints = program.OfType("aws:ec2:VpcEndpoint").ToDictionary(e => (string)e.Inputs["serviceName"]!, e => (string)e.Inputs["vpcEndpointType"]!);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["com.amazonaws.eu-west-1.data-servicediscovery"] = "Interface",
                ["com.amazonaws.eu-west-1.ecr.api"] = "Interface",
                ["com.amazonaws.eu-west-1.ecr.dkr"] = "Interface",
                ["com.amazonaws.eu-west-1.logs"] = "Interface",
                ["com.amazonaws.eu-west-1.s3"] = "Gateway",
                ["com.amazonaws.eu-west-1.servicediscovery"] = "Interface",
                ["com.amazonaws.eu-west-1.ssm"] = "Interface",
                ["com.amazonaws.eu-west-1.xray"] = "Interface",
            },
            new SortedDictionary<string, string>(endpoints));
    }

    [Fact]
    public void Only_the_routers_are_behind_the_load_balancer_and_only_the_samplers_in_cloud_map()
    {
        var router = R("router-service").Inputs;
        var sampler = R("sampler-service").Inputs;

        Assert.Equal(2, ((List<object?>)router["loadBalancers"]!).Count);
        Assert.False(router.ContainsKey("serviceRegistries"));
        Assert.False(sampler.ContainsKey("loadBalancers"));
        Assert.Equal(Arn("sampler-discovery-service"), ((Dictionary<string, object?>)sampler["serviceRegistries"]!)["registryArn"]);
        Assert.Equal(new List<object?> { "sampler-security-group-id" }, ((Dictionary<string, object?>)sampler["networkConfiguration"]!)["securityGroups"]);
    }

    [Fact]
    public void Cloud_map_namespace_is_private_to_the_vpc_with_multivalue_a_records()
    {
        var ns = R("sampler-namespace").Inputs;
        Assert.Equal("prod.otel-multicloud.internal", ns["name"]);
        Assert.Equal("vpc-0f1e2d3c4b5a69788", ns["vpc"]);

        var service = R("sampler-discovery-service").Inputs;
        Assert.Equal("sampler", service["name"]);
        var dns = (Dictionary<string, object?>)service["dnsConfig"]!;
        Assert.Equal(R("sampler-namespace").State["id"], dns["namespaceId"]);
        Assert.Equal("MULTIVALUE", dns["routingPolicy"]);
        Assert.Equal(new Dictionary<string, object?> { ["ttl"] = 10L, ["type"] = "A" }, Assert.Single((List<object?>)dns["dnsRecords"]!));
        Assert.True(service.ContainsKey("healthCheckCustomConfig"));

        Assert.Equal("prod.otel-multicloud.internal", Prod.Outputs["samplerDiscoveryNamespace"]);
        Assert.Equal("sampler", Prod.Outputs["samplerDiscoveryService"]);
    }

    [Fact]
    public void Only_the_samplers_receive_the_azure_secret_and_write_to_xray_and_only_the_routers_the_ingress_tokens()
    {
        var routerSecrets = Container("router").GetProperty("secrets").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        var samplerSecrets = Container("sampler").GetProperty("secrets").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();

        Assert.Equal(["OTEL_CONFIG", "OTLP_INGRESS_TOKEN", "OTLP_INGRESS_TOKEN_PREVIOUS", "OTLP_INGRESS_TOKEN_NEXT"], routerSecrets);
        Assert.Equal(["OTEL_CONFIG", "APPLICATIONINSIGHTS_CONNECTION_STRING"], samplerSecrets);
        // Each tier also writes its own metrics log group (and nothing else in CloudWatch Logs).
        Assert.Equal(["servicediscovery:DiscoverInstances", "logs:CreateLogStream", "logs:PutLogEvents"], Actions("router-task-policy"));
        Assert.Equal(["xray:PutTraceSegments", "logs:CreateLogStream", "logs:PutLogEvents"], Actions("sampler-task-policy"));
        Assert.Equal([Arn("router-metrics-log-group"), Arn("router-metrics-log-group") + ":*"], MetricsStatementResources("router"));
        Assert.Equal([Arn("sampler-metrics-log-group"), Arn("sampler-metrics-log-group") + ":*"], MetricsStatementResources("sampler"));
    }

    [Fact]
    public void Routers_may_discover_only_the_sampler_service_of_this_namespace()
    {
        var statement = Json("router-task-policy", "policy").GetProperty("Statement").EnumerateArray().Single(s => s.GetProperty("Sid").GetString() == "DiscoverSamplers");
        var condition = statement.GetProperty("Condition").GetProperty("StringEquals");
        Assert.Equal("prod.otel-multicloud.internal", condition.GetProperty("servicediscovery:NamespaceName").GetString());
        Assert.Equal("sampler", condition.GetProperty("servicediscovery:ServiceName").GetString());
    }

    [Fact]
    public void Each_execution_role_reads_exactly_its_own_parameters()
    {
        string[] ReadableParameters(string tier) =>
            Json($"{tier}-execution-policy", "policy").GetProperty("Statement")[0].GetProperty("Resource").EnumerateArray().Select(r => r.GetString()!).ToArray();

        Assert.Equal([Arn("router-otel-config"), Arn("ingress-token-parameter"), Arn("ingress-token-previous-parameter"), Arn("ingress-token-next-parameter")], ReadableParameters("router"));
        Assert.Equal([Arn("sampler-otel-config"), Arn("azure-monitor-connection-string")], ReadableParameters("sampler"));
    }

    [Fact]
    public void Each_tier_has_its_size_and_memory_limit_from_the_stack()
    {
        Assert.Equal(("512", "1024"), ((string)R("router-task").Inputs["cpu"]!, (string)R("router-task").Inputs["memory"]!));
        Assert.Equal(("1024", "4096"), ((string)R("sampler-task").Inputs["cpu"]!, (string)R("sampler-task").Inputs["memory"]!));
        Assert.Equal("819MiB", Container("router").GetProperty("environment")[0].GetProperty("value").GetString());
        Assert.Equal("3276MiB", Container("sampler").GetProperty("environment")[0].GetProperty("value").GetString());
        Assert.Equal([4317], Container("sampler").GetProperty("portMappings").EnumerateArray().Select(p => p.GetProperty("containerPort").GetInt32()));
    }

    [Theory]
    [InlineData("router", 3L, 6L)]
    [InlineData("sampler", 2L, 6L)]
    public void Autoscaling_targets_name_the_cluster_and_service_with_bounds_from_the_stack(string tier, long min, long max)
    {
        var target = R($"{tier}-scaling-target").Inputs;
        Assert.Equal($"service/{R("collector-cluster").State["name"]}/{R($"{tier}-service").State["name"]}", target["resourceId"]);
        Assert.Equal("ecs:service:DesiredCount", target["scalableDimension"]);
        Assert.Equal("ecs", target["serviceNamespace"]);
        Assert.Equal(min, target["minCapacity"]);
        Assert.Equal(max, target["maxCapacity"]);
        // Autoscaling owns the count after the first deploy.
        Assert.Equal(min, R($"{tier}-service").Inputs["desiredCount"]);
    }

    [Fact]
    public void Routers_scale_on_cpu_and_samplers_on_memory_and_cpu_scaling_in_slowly()
    {
        Dictionary<string, object?> Tracking(string policy) =>
            (Dictionary<string, object?>)R(policy).Inputs["targetTrackingScalingPolicyConfiguration"]!;
        string Metric(string policy) => (string)((Dictionary<string, object?>)Tracking(policy)["predefinedMetricSpecification"]!)["predefinedMetricType"]!;

        Assert.Equal(["router-scale-on-cpu", "sampler-scale-on-cpu", "sampler-scale-on-memory"], Prod.OfType("aws:appautoscaling:Policy").Select(p => p.Name).Order());
        Assert.Equal("ECSServiceAverageCPUUtilization", Metric("router-scale-on-cpu"));
        Assert.Equal("ECSServiceAverageMemoryUtilization", Metric("sampler-scale-on-memory"));
        Assert.Equal("ECSServiceAverageCPUUtilization", Metric("sampler-scale-on-cpu"));
        Assert.All(Prod.OfType("aws:appautoscaling:Policy"), p =>
        {
            Assert.Equal("TargetTrackingScaling", p.Inputs["policyType"]);
            Assert.Equal(R(p.Name.StartsWith("router", StringComparison.Ordinal) ? "router-scaling-target" : "sampler-scaling-target").Inputs["resourceId"], p.Inputs["resourceId"]);
        });
        Assert.Equal(900L, Tracking("sampler-scale-on-memory")["scaleInCooldown"]);
        Assert.True((long)Tracking("router-scale-on-cpu")["scaleInCooldown"]! < (long)Tracking("sampler-scale-on-cpu")["scaleInCooldown"]!);
    }

    [Fact]
    public void Service_desired_count_is_left_to_autoscaling_after_creation()
    {
        var yaml = Infra.Model.YamlTree.ParseMap(TestSupport.Synth("prod"));
        var resources = (Dictionary<string, object?>)yaml["resources"]!;
        foreach (var tier in new[] { "router", "sampler" })
        {
            var options = (Dictionary<string, object?>)((Dictionary<string, object?>)resources[$"{tier}-service"]!)["options"]!;
            Assert.Equal(new List<object?> { "desiredCount" }, options["ignoreChanges"]);
        }
    }
}
