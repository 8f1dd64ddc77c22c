using System.Text.RegularExpressions;

namespace Infra.Settings;

/// <summary>Every key of the stack config this program reads: the one table the reader, the README and the tests share.</summary>
public static partial class SettingKeys
{
    public const string Project = "otel-multicloud";

    // Provider namespaces: the engine passes these to the providers too; we read region and location for names and wiring.
    public static readonly Setting<string> AwsRegion = new(
        "aws:region", null, "an AWS region code, e.g. eu-west-1", "AWS region of the collector, SSM parameters and X-Ray.",
        Parsers.Matching(AwsRegionPattern(), "an AWS region code such as eu-west-1"));

    public static readonly Setting<string> AzureLocation = new(
        "azure-native:location", null, "an Azure region name, e.g. westeurope", "Azure region of the resource group, workspace and Application Insights.",
        Parsers.Matching(AzureLocationPattern(), "an Azure region name such as westeurope"));

    public static readonly Setting<bool> Production = new(
        "production", "false", "true or false", "Marks a production stack: stricter guardrails (no public OTLP ingress) and deletion protection on the telemetry store.",
        Parsers.Bool);

    public static readonly Setting<int> LogRetentionDays = new(
        "logRetentionDays", "30", "30..730", "Days the Log Analytics workspace (and so Application Insights) keeps data.",
        Parsers.Int(30, 730));

    public static readonly Setting<double> SamplingPercentage = new(
        "samplingPercentage", "10", "greater than 0, at most 100", "Baseline share of traces kept by tail sampling when they are neither errors nor slow.",
        Parsers.DoubleAboveUpTo(0, 100));

    public static readonly Setting<int> LatencyThresholdMs = new(
        "latencyThresholdMs", "1000", "1..600000", "A trace at least this long (ms) is always kept.",
        Parsers.Int(1, 600_000));

    public static readonly Setting<int> DecisionWaitSeconds = new(
        "decisionWaitSeconds", "10", "1..120", "Seconds tail sampling waits after a trace's first span before deciding.",
        Parsers.Int(1, 120));

    public static readonly Setting<int> NumTraces = new(
        "numTraces", "50000", "1000..10000000", "Traces tail sampling holds in memory; must cover expectedNewTracesPerSec x decisionWaitSeconds.",
        Parsers.Int(1000, 10_000_000));

    public static readonly Setting<int> ExpectedNewTracesPerSec = new(
        "expectedNewTracesPerSec", "100", "1..1000000", "Expected new traces per second, sizes tail sampling's data structures.",
        Parsers.Int(1, 1_000_000));

    /// <summary>Keys in the project's namespace, in README order.</summary>
    public static IReadOnlyList<Setting> ProjectKeys =>
    [
        Production, LogRetentionDays,
        SamplingPercentage, LatencyThresholdMs, DecisionWaitSeconds, NumTraces, ExpectedNewTracesPerSec,
    ];

    public static IReadOnlyList<Setting> ProviderKeys => [AwsRegion, AzureLocation];

    public static IReadOnlyList<Setting> All => [.. ProviderKeys, .. ProjectKeys];

    /// <summary>The key as written in a stack file: project keys carry the project namespace.</summary>
    public static string Qualified(Setting setting) => setting.Key.Contains(':') ? setting.Key : $"{Project}:{setting.Key}";

    [GeneratedRegex("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$")]
    private static partial Regex AwsRegionPattern();

    [GeneratedRegex("^[a-z][a-z0-9]{2,30}$")]
    private static partial Regex AzureLocationPattern();
}
