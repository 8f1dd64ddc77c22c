using Infra.Settings.Topology;

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

    public required TrafficSettings Traffic { get; init; }

    public required NetworkSettings Network { get; init; }

    public required CollectorRuntimeSettings Runtime { get; init; }

    public required ExportSettings Export { get; init; }

    public required IngressSettings Ingress { get; init; }

    public required MonitoringSettings Monitoring { get; init; }

    public required ImageSettings Image { get; init; }

    /// <summary>Minutes of backend outage the exporting tier's persistent queues hold; 0: in-memory queues.</summary>
    public required int OutageRideThroughMinutes { get; init; }

    /// <summary>Entra object ids given read access to the Key Vault secrets (lowercase GUIDs).</summary>
    public required IReadOnlyList<string> KeyVaultReaderPrincipalIds { get; init; }

    /// <summary>The networks the Key Vault's firewall admits; both empty: no firewall (non-production only).</summary>
    public required KeyVaultNetworks KeyVaultNetworks { get; init; }

    /// <summary>A short prefix for resource names: project and stack.</summary>
    public string NamePrefix => $"otel-{Stack}";

    /// <summary>Where this stack's SSM parameters live: <c>/project/stack/</c>.</summary>
    public string ParameterPrefix => $"/{SettingKeys.Project}/{Stack}";

    public IReadOnlyDictionary<string, string> Tags => new SortedList<string, string>(StringComparer.Ordinal)
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
    int? NumTracesOverride,
    int ExpectedNewTracesPerSec);

/// <summary>The declared load beyond expectedNewTracesPerSec: what sizes the tiers and prices the pipeline.</summary>
public sealed record TrafficSettings(
    double SpansPerTrace,
    double AverageSpanBytes,
    double ErrorTraceShare,
    double SlowTraceShare,
    double PeakFactor);

public sealed record NetworkSettings(
    string VpcId,
    string VpcCidr,
    IReadOnlyList<PrivateSubnet> PrivateSubnets,
    IReadOnlyList<string> IngressCidrs,
    bool InternalLoadBalancer,
    string? CertificateArn,
    bool NatGatewayEgress)
{
    /// <summary>Availability zones the tasks spread over: those of the private subnets.</summary>
    public int AvailabilityZones => PrivateSubnets.Select(subnet => subnet.AvailabilityZone).Distinct(StringComparer.Ordinal).Count();

    /// <summary>VPC endpoints for the AWS services the tiers call; the routers then need no internet egress.</summary>
    public bool PrivateAwsEndpoints { get; init; }

    public IReadOnlyList<string> PrivateRouteTableIds { get; init; } = [];
}

public sealed record KeyVaultNetworks(IReadOnlyList<string> IpRanges, IReadOnlyList<string> SubnetIds)
{
    public bool Restricted => IpRanges.Count > 0 || SubnetIds.Count > 0;
}

/// <summary>Who is told when the pipeline is in trouble, and when: alarm thresholds and windows, the Azure silence window, RED cardinality.</summary>
public sealed record MonitoringSettings(
    IReadOnlyList<string> AlarmEmails,
    int AlarmPeriodSeconds,
    int AlarmEvaluationPeriods,
    int ExportFailureThreshold,
    int RefusedSpansThreshold,
    int DroppedTracesThreshold,
    int QueueAlarmPercent,
    int CpuAlarmPercent,
    int MemoryAlarmPercent,
    int TaskShortfallMinutes,
    int NoSpansAlertMinutes,
    int SpanMetricsCardinalityLimit);

/// <summary>How OTLP senders authenticate and reach the collector.</summary>
public sealed record IngressSettings(
    IngressAuthMode Auth,
    int TokenGeneration,
    bool AllowPlaintext,
    string? HostName);

public enum IngressAuthMode
{
    /// <summary>A bearer token on every OTLP request (the bearertokenauth extension).</summary>
    Token,

    /// <summary>No authentication: non-production stacks only.</summary>
    None,
}

public static class IngressAuthNames
{
    public const string Token = "token";
    public const string None = "none";

    public static IngressAuthMode Parse(string name) => name == None ? IngressAuthMode.None : IngressAuthMode.Token;
}

/// <summary>How the collector runs: its tiers, their platform and how long their own logs are kept.</summary>
public sealed record CollectorRuntimeSettings(
    CollectorTopology Topology,
    CpuArchitecture CpuArchitecture,
    int LogRetentionDays);

public static class ImageSources
{
    public const string DockerHub = "dockerhub";
    public const string PullThroughCache = "pullThroughCache";
    public const string Registry = "registry";
}

/// <summary>Where the tasks get their images; empty strings in the settings are null here.</summary>
public sealed record ImageSettings(
    string Source,
    string? Repository,
    string? PullCredentialArn,
    string? Digest,
    bool AllowPublicPull,
    string UtilityImage);

public static class XrayExportModes
{
    public const string Otlp = "otlp";
    public const string Segments = "segments";
}

/// <summary>How the sampled traces reach X-Ray, and whether this stack owns Transaction Search.</summary>
public sealed record ExportSettings(
    string XrayExport,
    bool ManageTransactionSearch,
    bool TransactionSearchEnabled,
    double TransactionSearchIndexingPercentage)
{
    public bool XrayOverOtlp => XrayExport == XrayExportModes.Otlp;
}
