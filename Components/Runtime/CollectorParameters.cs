using System.Text;
using Infra.Collector;
using Infra.Model;
using Infra.Model.Aws;
using Infra.Settings;

namespace Infra.Components;

public sealed record CollectorParametersArgs(
    string ParameterPrefix,
    IReadOnlyDictionary<string, CollectorConfig> ConfigByTier,
    string SamplingTier,
    Output<string> AzureMonitorConnectionString,
    IReadOnlyDictionary<string, string> Tags);

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

        var configs = new Dictionary<string, SsmParameter>(StringComparer.Ordinal);
        foreach (var (tier, yaml) in yamlByTier)
        {
            configs[tier] = program.Add(ComponentName, new SsmParameter($"{tier}-otel-config", new SsmParameterArgs
            {
                Name = $"{args.ParameterPrefix}/{tier}{ConfigParameterSuffix}",
                Type = "String",
                InsecureValue = yaml,
                Tier = TierFor($"{tier}/otel-collector-config", yaml),
                Description = $"OpenTelemetry Collector config (otelcol-contrib {CollectorDistribution.Version}) that the {tier} tasks run.",
                Tags = args.Tags,
            }));
        }
        ConfigByTier = configs;

        var samplingYaml = CollectorYaml.SerializeTailSampling(args.ConfigByTier[args.SamplingTier]);
        SamplingConfig = program.Add(ComponentName, new SsmParameter("otel-sampling-config", new SsmParameterArgs
        {
            Name = $"{args.ParameterPrefix}/otel-sampling-config",
            Type = "String",
            InsecureValue = samplingYaml,
            Tier = TierFor("otel-sampling-config", samplingYaml),
            Description = $"The tail_sampling block the {args.SamplingTier} tasks run, for operators and audit. Not read by the collector.",
            Tags = args.Tags,
        }));

        ConnectionString = program.Add(ComponentName, new SsmParameter("azure-monitor-connection-string", new SsmParameterArgs
        {
            Name = $"{args.ParameterPrefix}/azure-monitor-connection-string",
            Type = "SecureString",
            Value = args.AzureMonitorConnectionString,
            Tier = "Standard",
            Description = $"Application Insights connection string; ECS injects it into the {args.SamplingTier} tasks as APPLICATIONINSIGHTS_CONNECTION_STRING.",
            Tags = args.Tags,
        }));
    }

    /// <summary>Each tier's running config, by tier name.</summary>
    public IReadOnlyDictionary<string, SsmParameter> ConfigByTier { get; }

    public SsmParameter SamplingConfig { get; }

    public SsmParameter ConnectionString { get; }

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
