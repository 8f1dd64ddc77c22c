using System.Text;
using Infra.Collector;
using Infra.Collector.Validation;
using Infra.Model;
using Infra.Model.Aws;
using Infra.Settings;
using Infra.Settings.Topology;

namespace Infra.Components.Runtime;

public sealed record CollectorParametersArgs(
    string ParameterPrefix,
    IReadOnlyDictionary<string, CollectorConfig> ConfigByTier,
    TierSpec SamplingTier,
    Output<string> AzureMonitorConnectionString,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The stack's key for the SecureString; null: aws/ssm.</summary>
    public Input<string>? KeyId { get; init; }
}

/// <summary>
/// The collectors' config and credentials in SSM: each tier's running YAML (String, rendered from the
/// typed model and validated before any resource is declared), the sampling block for audit, and the
/// Azure Monitor connection string (SecureString): the cross-wire from Azure to AWS.
/// </summary>
public sealed class CollectorParameters
{
    public const string ComponentName = "collector-config";

    /// <summary>The end of every tier's running-config parameter name.</summary>
    public const string ConfigParameterSuffix = "/otel-collector-config";

    public CollectorParameters(PulumiProgram program, CollectorParametersArgs args)
    {
        // Validate every tier first: a config the collector would refuse stops synthesis before any resource.
        var yamlByTier = args.ConfigByTier.ToDictionary(
            tier => tier.Key,
            tier => CollectorConfigValidator.EnsureValid(CollectorYaml.Serialize(tier.Value), tier.Key),
            StringComparer.Ordinal);

        var configs = new Dictionary<string, IReadOnlyList<SsmParameter>>(StringComparer.Ordinal);
        foreach (var (tier, yaml) in yamlByTier)
        {
            var parts = SplitForSsm(tier, yaml);
            configs[tier] = [.. parts.Select((part, index) => program.Add(ComponentName, new SsmParameter(index == 0 ? $"{tier}-otel-config" : $"{tier}-otel-config-{index + 1}", new SsmParameterArgs
            {
                Name = $"{args.ParameterPrefix}/{tier}{ConfigParameterSuffix}{(index == 0 ? "" : $"-{index + 1}")}",
                Type = "String",
                InsecureValue = part,
                Tier = TierFor($"{tier}/otel-collector-config", part),
                Description = parts.Count == 1
                    ? $"OpenTelemetry Collector config (otelcol-contrib {CollectorDistribution.Version}) that the {tier} tasks run."
                    : $"Part {index + 1} of {parts.Count} of the OpenTelemetry Collector config (otelcol-contrib {CollectorDistribution.Version}) that the {tier} tasks run; the collector merges the parts.",
                Tags = args.Tags,
            })))];
        }
        ConfigByTier = configs;

        var samplingYaml = CollectorYaml.SerializeTailSampling(args.ConfigByTier[args.SamplingTier.Name]);
        SamplingConfig = program.Add(ComponentName, new SsmParameter("otel-sampling-config", new SsmParameterArgs
        {
            Name = $"{args.ParameterPrefix}/otel-sampling-config",
            Type = "String",
            InsecureValue = samplingYaml,
            Tier = TierFor("otel-sampling-config", samplingYaml),
            Description = $"The tail_sampling block the {args.SamplingTier.Name} tasks run, for operators and audit. Not read by the collector.",
            Tags = args.Tags,
        }));

        ConnectionString = program.Add(ComponentName, new SsmParameter("azure-monitor-connection-string", new SsmParameterArgs
        {
            Name = $"{args.ParameterPrefix}/azure-monitor-connection-string",
            Type = "SecureString",
            Value = args.AzureMonitorConnectionString,
            Tier = "Standard",
            KeyId = args.KeyId,
            Description = $"Application Insights connection string; ECS injects it into the {args.SamplingTier.Name} tasks as {Collector.Components.Exporters.AzureMonitor.ConnectionStringVariable}.",
            Tags = args.Tags,
        }));
    }

    /// <summary>Each tier's running config, by tier name: one parameter, or two when it outgrows one.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SsmParameter>> ConfigByTier { get; }

    public SsmParameter SamplingConfig { get; }

    public SsmParameter ConnectionString { get; }

    /// <summary>The connection string as the azure_monitor exporter reads it: for the tier that exports.</summary>
    public InjectedSecret ConnectionStringSecret => new(Collector.Components.Exporters.AzureMonitor.ConnectionStringVariable, ConnectionString);

    /// <summary>
    /// A config that fits one SSM parameter stays whole. A larger one is cut before its top-level
    /// <c>service:</c> key: the components in one part, the service in the other. The collector
    /// takes several <c>--config</c> locations and merges them in order (core v0.159.0
    /// otelcol/flags.go, confmap/resolver.go); the two parts share no top-level key, so the merge
    /// is exactly the validated config.
    /// </summary>
    public static IReadOnlyList<string> SplitForSsm(string tier, string yaml)
    {
        if (Encoding.UTF8.GetByteCount(yaml) <= SsmParameter.AdvancedTierMaxBytes)
        {
            return [yaml];
        }
        var service = yaml.StartsWith("service:\n", StringComparison.Ordinal) ? 0 : yaml.IndexOf("\nservice:\n", StringComparison.Ordinal) + 1;
        if (service <= 0)
        {
            return [yaml];
        }
        return [yaml[..service], yaml[service..]];
    }

    /// <summary>Standard up to 4 KiB (free); Advanced up to 8 KiB (charged) rather than failing a config that grew; beyond that, stop.</summary>
    public static string TierFor(string parameter, string value)
    {
        var bytes = Encoding.UTF8.GetByteCount(value);
        return bytes switch
        {
            <= SsmParameter.StandardTierMaxBytes => "Standard",
            <= SsmParameter.AdvancedTierMaxBytes => "Advanced",
            _ => throw new UserError($"SSM parameter {parameter} would hold {bytes} bytes; SSM parameters hold at most {SsmParameter.AdvancedTierMaxBytes} (Advanced tier). Trim the collector config."),
        };
    }
}
