using System.Globalization;
using Infra.Collector;
using Infra.Model;
using Infra.Components.Security;
using Infra.Model.Aws;
using Infra.Capacity;
using Infra.Settings.Topology;

namespace Infra.Components.Runtime;

public sealed record CollectorTierArgs
{
    /// <summary>The tier: its name, size and scaling rules.</summary>
    public required TierSpec Tier { get; init; }

    public required string NamePrefix { get; init; }

    public required string AwsRegion { get; init; }

    public required CpuArchitecture CpuArchitecture { get; init; }

    public required int LogRetentionDays { get; init; }

    public required EcsCluster Cluster { get; init; }

    public required IReadOnlyList<string> SubnetIds { get; init; }

    public required SecurityGroup SecurityGroup { get; init; }

    /// <summary>The tier's collector config, in one or two parts; ECS injects them as <see cref="CollectorTier.ConfigVariable"/>, then _2.</summary>
    public required IReadOnlyList<SsmParameter> Config { get; init; }

    public IReadOnlyList<InjectedSecret> Secrets { get; init; } = [];

    /// <summary>Plain variables beyond the ones every tier gets.</summary>
    public IReadOnlyList<NameValue> Environment { get; init; } = [];

    public IReadOnlyList<PolicyStatement> TaskPermissions { get; init; } = [];

    /// <summary>The log group the collector's awsemf exporters write to; created here, writable only by this tier's task role.</summary>
    public string? MetricsLogGroupName { get; init; }

    public required IReadOnlyList<int> ContainerPorts { get; init; }

    /// <summary>The collector image and the utility image (a shell for what the collector image cannot do).</summary>
    public required Output<string> Image { get; init; }

    public required Output<string> UtilityImage { get; init; }

    /// <summary>Execution-role permissions the image source needs.</summary>
    public IReadOnlyList<PolicyStatement> PullPermissions { get; init; } = [];

    /// <summary>Seconds ECS waits between SIGTERM and SIGKILL (see Capacity.Faults.StopTimeout).</summary>
    public required int StopTimeoutSeconds { get; init; }

    /// <summary>Alarms that roll a deployment back when they fire during it; none: only the circuit breaker.</summary>
    public IReadOnlyList<string> DeploymentAlarmNames { get; init; } = [];

    /// <summary>Ephemeral storage for the exporters' persistent queues, in GiB; null: queues in memory.</summary>
    public int? QueueStorageGiB { get; init; }

    /// <summary>The stack's key: log groups and SecureStrings are encrypted with it; the roles' trust names its account.</summary>
    public required StackKey Key { get; init; }

    /// <summary>Keep the log groups when the stack is destroyed (production).</summary>
    public bool RetainLogs { get; init; }

    /// <summary>A sidecar whose health check fails when the collector stops answering on its health port.</summary>
    public bool LivenessCheck { get; init; }

    /// <summary>Registers the tasks in the load balancer's target groups (the tier that receives OTLP).</summary>
    public CollectorLoadBalancer? LoadBalancer { get; init; }

    /// <summary>Registers each task in Cloud Map (the sampling tier).</summary>
    public SamplerDiscovery? Discovery { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}

/// <summary>
/// One collector tier on ECS Fargate: log group, roles, task definition, service and its autoscaling.
/// The container reads its config and secrets from SSM as ECS secrets, by ARN.
/// </summary>
public sealed class CollectorTier
{
    public const string ContainerName = "otel-collector";
    public const string ConfigVariable = "OTEL_CONFIG";

    /// <summary>The contrib image's non-root user.</summary>
    public const string CollectorUser = "10001";

    public CollectorTier(PulumiProgram program, CollectorTierArgs args)
    {
        var tier = args.Tier.Name;
        var size = args.Tier.Size;
        Tier = args.Tier;
        ComponentName = $"{tier}-tier";
        var logGroup = program.Add(ComponentName, new LogGroup($"{tier}-log-group", new LogGroupArgs
        {
            Name = $"/ecs/{args.NamePrefix}/{tier}",
            RetentionInDays = args.LogRetentionDays,
            KmsKeyId = args.Key.Key.Arn,
            Tags = args.Tags,
        }, new ResourceOptions { RetainOnDelete = args.RetainLogs }));

        var taskPermissions = args.TaskPermissions;
        if (args.MetricsLogGroupName is not null)
        {
            MetricsLogGroup = program.Add(ComponentName, new LogGroup($"{tier}-metrics-log-group", new LogGroupArgs
            {
                Name = args.MetricsLogGroupName,
                RetentionInDays = args.LogRetentionDays,
                KmsKeyId = args.Key.Key.Arn,
                Tags = args.Tags,
            }, new ResourceOptions { RetainOnDelete = args.RetainLogs }));
            taskPermissions = [.. taskPermissions, CollectorIam.WriteMetrics(MetricsLogGroup.Arn)];
        }

        var configParts = args.Config.Select((part, index) => new InjectedSecret(index == 0 ? ConfigVariable : $"{ConfigVariable}_{index + 1}", part)).ToList();
        var secrets = configParts.Concat(args.Secrets).ToList();
        var iam = new CollectorIam(program, ComponentName, new CollectorIamArgs(
            tier, args.AwsRegion, [.. secrets.Select(s => s.Parameter.Arn)], logGroup.Arn, taskPermissions, args.Tags) { Key = args.Key, ExecutionPermissions = args.PullPermissions });
        var logs = new LogConfiguration("awslogs", new Dictionary<string, Input<string>>
        {
            ["awslogs-group"] = logGroup.LogGroupName,
            ["awslogs-region"] = args.AwsRegion,
            ["awslogs-stream-prefix"] = tier,
        });

        var container = new ContainerDefinition
        {
            Name = ContainerName,
            Image = args.Image,
            // Several sources are merged key by key (CollectorParameters.SplitForSsm keeps them disjoint).
            Command = [.. configParts.Select(part => $"--config=env:{part.Variable}")],
            PortMappings = [.. args.ContainerPorts.Select(port => new PortMapping(port, "tcp", PortName(port)))],
            // The Go heap's soft limit at memory_limiter's hard limit, so the runtime collects before the limiter refuses.
            Environment =
            [
                new NameValue("GOMEMLIMIT", $"{MemoryLimits.ForTask(size.MemoryMiB).GoMemLimitMib}MiB"),
                // The AWS SDK inside the collector (Cloud Map discovery) otherwise defaults to us-east-1.
                new NameValue("AWS_REGION", args.AwsRegion),
                .. args.Environment,
            ],
            Secrets = [.. secrets.Select(s => new ContainerSecret(s.Variable, s.Parameter.Arn))],
            LogConfiguration = logs,
            ReadonlyRootFilesystem = true,
            User = CollectorUser,
            StopTimeout = args.StopTimeoutSeconds,
        };
        var containers = new List<ContainerDefinition>();
        if (args.QueueStorageGiB is not null)
        {
            var queues = QueueVolume.For(args.UtilityImage, logs);
            containers.Add(queues.Preparer);
            container = container with
            {
                MountPoints = [queues.Mount],
                DependsOn = [new ContainerDependency(queues.Preparer.Name, "SUCCESS")],
            };
        }
        containers.Add(container);
        if (args.LivenessCheck)
        {
            containers.Add(Liveness.Sidecar(args.UtilityImage, logs));
        }

        TaskDefinition = program.Add(ComponentName, new EcsTaskDefinition($"{tier}-task", new EcsTaskDefinitionArgs
        {
            Family = $"{args.NamePrefix}-otel-{tier}",
            Cpu = size.CpuUnits.ToString(CultureInfo.InvariantCulture),
            Memory = size.MemoryMiB.ToString(CultureInfo.InvariantCulture),
            NetworkMode = "awsvpc",
            RequiresCompatibilities = ["FARGATE"],
            ExecutionRoleArn = iam.ExecutionRole.Arn,
            TaskRoleArn = iam.TaskRole.Arn,
            ContainerDefinitions = ContainerDefinition.ToJson(containers),
            RuntimePlatform = new RuntimePlatform("LINUX", args.CpuArchitecture.ToString()),
            Volumes = args.QueueStorageGiB is null ? null : [new TaskVolume(QueueVolume.Name)],
            EphemeralStorage = args.QueueStorageGiB is { } gib ? new TaskEphemeralStorage(gib) : null,
            Tags = args.Tags,
        }));
        ExecutionRole = iam.ExecutionRole;
        TaskRole = iam.TaskRole;

        Service = program.Add(ComponentName, new EcsService($"{tier}-service", new EcsServiceArgs
        {
            Cluster = args.Cluster.Arn,
            TaskDefinition = TaskDefinition.Arn,
            DesiredCount = size.MinTasks,
            LaunchType = "FARGATE",
            // Fargate spreads a service's tasks over the subnets' availability zones.
            NetworkConfiguration = new ServiceNetworkConfiguration(args.SubnetIds, [args.SecurityGroup.Id], AssignPublicIp: false),
            // A revision that cannot start rolls back by itself; the old tasks keep serving meanwhile.
            DeploymentCircuitBreaker = new ServiceDeploymentCircuitBreaker(Enable: true, Rollback: true),
            DeploymentMinimumHealthyPercent = 100,
            DeploymentMaximumPercent = 200,
            LoadBalancers = args.LoadBalancer is null ? null : [.. args.LoadBalancer.TargetGroups.Select(t => new ServiceLoadBalancer(t.Group.Arn, ContainerName, t.Port))],
            HealthCheckGracePeriodSeconds = args.LoadBalancer is null ? null : 60,
            // A release that starts but stops exporting fires these alarms; ECS then rolls it back.
            Alarms = args.DeploymentAlarmNames.Count == 0 ? null : new ServiceAlarms(args.DeploymentAlarmNames, Enable: true, Rollback: true),
            ServiceRegistries = args.Discovery is null ? null : new ServiceRegistries(args.Discovery.Service.Arn),
            PropagateTags = "SERVICE",
            Tags = args.Tags,
        }, new ResourceOptions
        {
            DependsOn = args.LoadBalancer is null ? [] : [.. args.LoadBalancer.Listeners],
            // Autoscaling owns the count once the service exists; an update must not reset it to the minimum.
            IgnoreChanges = args.Tier.Autoscaled ? ["desiredCount"] : [],
        }));

        if (args.Tier.Autoscaled)
        {
            Autoscaling = new TierAutoscaling(program, ComponentName, new TierAutoscalingArgs(args.Tier, args.Cluster, Service, args.Tags));
        }
    }

    public TierSpec Tier { get; }

    public string ComponentName { get; }

    public EcsTaskDefinition TaskDefinition { get; }

    public IamRole ExecutionRole { get; }

    public IamRole TaskRole { get; }

    public EcsService Service { get; }

    public TierAutoscaling? Autoscaling { get; }

    public LogGroup? MetricsLogGroup { get; }

    private static string PortName(int port) => port switch
    {
        CollectorConfigFactory.OtlpGrpcPort => "otlp-grpc",
        CollectorConfigFactory.OtlpHttpPort => "otlp-http",
        CollectorConfigFactory.HealthCheckPort => "health",
        _ => $"port-{port}",
    };
}
