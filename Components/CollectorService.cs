using Infra.Collector;
using Infra.Model;
using Infra.Model.Aws;
using Infra.Settings;

namespace Infra.Components;

public sealed record CollectorServiceArgs(
    string NamePrefix,
    string AwsRegion,
    CollectorRuntimeSettings Runtime,
    IReadOnlyList<string> SubnetIds,
    SecurityGroup SecurityGroup,
    CollectorParameters Parameters,
    CollectorLoadBalancer LoadBalancer,
    IReadOnlyDictionary<string, string> Tags);

/// <summary>
/// The collector on ECS Fargate: cluster, log group, roles, task definition and service. The
/// container reads its config and the connection string from SSM as ECS secrets, by ARN.
/// </summary>
public sealed class CollectorService
{
    public const string ComponentName = "collector-service";
    public const string ContainerName = "otel-collector";
    public const string ConfigVariable = "OTEL_CONFIG";
    public const string ConnectionStringVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The contrib image's non-root user.</summary>
    public const string CollectorUser = "10001";

    public CollectorService(PulumiProgram program, CollectorServiceArgs args)
    {
        var cluster = program.Add(ComponentName, new EcsCluster("collector-cluster", new EcsClusterArgs
        {
            Settings = [new NameValue("containerInsights", "enabled")],
            Tags = args.Tags,
        }));

        var logGroup = program.Add(ComponentName, new LogGroup("collector-log-group", new LogGroupArgs
        {
            Name = $"/ecs/{args.NamePrefix}/otel-collector",
            RetentionInDays = args.Runtime.LogRetentionDays,
            Tags = args.Tags,
        }));

        var iam = new CollectorIam(program, new CollectorIamArgs(
            args.AwsRegion,
            [args.Parameters.CollectorConfig.Arn, args.Parameters.ConnectionString.Arn],
            logGroup.Arn,
            args.Tags));

        var container = new ContainerDefinition
        {
            Name = ContainerName,
            Image = CollectorDistribution.Image,
            Command = [$"--config=env:{ConfigVariable}"],
            PortMappings =
            [
                new PortMapping(CollectorConfigFactory.OtlpGrpcPort, "tcp", "otlp-grpc"),
                new PortMapping(CollectorConfigFactory.OtlpHttpPort, "tcp", "otlp-http"),
                new PortMapping(CollectorConfigFactory.HealthCheckPort, "tcp", "health"),
            ],
            Environment = [new NameValue("GOMEMLIMIT", FargateSizes.GoMemoryLimit(args.Runtime.TaskMemory))],
            Secrets =
            [
                new ContainerSecret(ConfigVariable, args.Parameters.CollectorConfig.Arn),
                new ContainerSecret(ConnectionStringVariable, args.Parameters.ConnectionString.Arn),
            ],
            LogConfiguration = new LogConfiguration("awslogs", new Dictionary<string, Input<string>>
            {
                ["awslogs-group"] = logGroup.LogGroupName,
                ["awslogs-region"] = args.AwsRegion,
                ["awslogs-stream-prefix"] = "collector",
            }),
            ReadonlyRootFilesystem = true,
            User = CollectorUser,
        };

        var taskDefinition = program.Add(ComponentName, new EcsTaskDefinition("collector-task", new EcsTaskDefinitionArgs
        {
            Family = $"{args.NamePrefix}-otel-collector",
            Cpu = args.Runtime.TaskCpu.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Memory = args.Runtime.TaskMemory.ToString(System.Globalization.CultureInfo.InvariantCulture),
            NetworkMode = "awsvpc",
            RequiresCompatibilities = ["FARGATE"],
            ExecutionRoleArn = iam.ExecutionRole.Arn,
            TaskRoleArn = iam.TaskRole.Arn,
            ContainerDefinitions = ContainerDefinition.ToJson([container]),
            RuntimePlatform = new RuntimePlatform("LINUX", args.Runtime.CpuArchitecture),
            Tags = args.Tags,
        }));

        Service = program.Add(ComponentName, new EcsService("collector-service", new EcsServiceArgs
        {
            Cluster = cluster.Arn,
            TaskDefinition = taskDefinition.Arn,
            DesiredCount = args.Runtime.DesiredCount,
            LaunchType = "FARGATE",
            NetworkConfiguration = new ServiceNetworkConfiguration(args.SubnetIds, [args.SecurityGroup.Id], AssignPublicIp: false),
            // A revision that cannot start rolls back by itself; the old task keeps serving meanwhile.
            DeploymentCircuitBreaker = new ServiceDeploymentCircuitBreaker(Enable: true, Rollback: true),
            DeploymentMinimumHealthyPercent = 100,
            DeploymentMaximumPercent = 200,
            LoadBalancers = [.. args.LoadBalancer.TargetGroups.Select(t => new ServiceLoadBalancer(t.Group.Arn, ContainerName, t.Port))],
            HealthCheckGracePeriodSeconds = 60,
            PropagateTags = "SERVICE",
            Tags = args.Tags,
        }, new ResourceOptions { DependsOn = [.. args.LoadBalancer.Listeners] }));
    }

    public EcsService Service { get; }
}
