namespace Infra.Settings;

/// <summary>The validated settings of one stack: every value the components use comes from here.</summary>
public sealed record StackSettings
{
    public required string Stack { get; init; }

    public required string AwsRegion { get; init; }

    public required string AzureLocation { get; init; }

    public required bool Production { get; init; }

    public required int LogRetentionDays { get; init; }

    public required TailSamplingSettings TailSampling { get; init; }

    public required NetworkSettings Network { get; init; }

    public required CollectorRuntimeSettings Runtime { get; init; }

    /// <summary>A short prefix for resource names: project and stack.</summary>
    public string NamePrefix => $"otel-{Stack}";

    /// <summary>Where this stack's SSM parameters live: <c>/project/stack/</c>.</summary>
    public string ParameterPrefix => $"/{SettingKeys.Project}/{Stack}";

    public IReadOnlyDictionary<string, string> Tags => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["project"] = SettingKeys.Project,
        ["stack"] = Stack,
        ["managed-by"] = "pulumi",
    };
}

public sealed record TailSamplingSettings(
    double SamplingPercentage,
    int LatencyThresholdMs,
    int DecisionWaitSeconds,
    int NumTraces,
    int ExpectedNewTracesPerSec);

public sealed record NetworkSettings(
    string VpcId,
    string VpcCidr,
    IReadOnlyList<PrivateSubnet> PrivateSubnets,
    IReadOnlyList<string> IngressCidrs,
    bool InternalLoadBalancer,
    string? CertificateArn);

public sealed record CollectorRuntimeSettings(
    int TaskCpu,
    int TaskMemory,
    int DesiredCount,
    string CpuArchitecture,
    int LogRetentionDays);
