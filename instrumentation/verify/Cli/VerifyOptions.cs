using Multicloud.Verify.Stack;

namespace Multicloud.Verify.Cli;

/// <summary>What the command line asked for, before the stack's outputs and stack file are read.</summary>
internal sealed record VerifyOptions
{
    public required string Stack { get; init; }
    public FileInfo? OutputsFile { get; init; }
    public FileInfo? StackFile { get; init; }
    public XRayExport? XRayExport { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(15);
    public ReportFormat Format { get; init; } = ReportFormat.Text;
    public string? AwsRegion { get; init; }
    public string? AzureRegion { get; init; }
    public Uri? IngressEndpoint { get; init; }
    public string? ConnectTo { get; init; }
    public Uri? LogsEndpoint { get; init; }
    public Uri? XRayEndpoint { get; init; }
    public Uri? MonitoringEndpoint { get; init; }
    public Uri? SsmEndpoint { get; init; }
    public Uri? LogAnalyticsEndpoint { get; init; }
    public string? LogAnalyticsWorkspace { get; init; }
    public bool PublishMetrics { get; init; } = true;

    /// <summary>The ingress token from the environment (<c>OTLP_INGRESS_TOKEN</c>). A class field, not printed by the record's ToString.</summary>
    public Secret? IngressToken { get; init; }
}
