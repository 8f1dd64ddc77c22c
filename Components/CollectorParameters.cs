using System.Text;
using Infra.Collector;
using Infra.Model;
using Infra.Model.Aws;
using Infra.Settings;

namespace Infra.Components;

public sealed record CollectorParametersArgs(
    string ParameterPrefix,
    CollectorConfig Config,
    Output<string> AzureMonitorConnectionString,
    IReadOnlyDictionary<string, string> Tags);

/// <summary>
/// The collector's config and credentials in SSM: the running YAML and the sampling block (both
/// String, rendered from one model) and the Azure Monitor connection string (SecureString): the
/// cross-wire from Azure to AWS. The YAML is validated before any resource is declared.
/// </summary>
public sealed class CollectorParameters
{
    public const string ComponentName = "collector-config";

    public CollectorParameters(PulumiProgram program, CollectorParametersArgs args)
    {
        var collectorYaml = CollectorYaml.Serialize(args.Config);
        CollectorConfigValidator.EnsureValid(collectorYaml);
        var samplingYaml = CollectorYaml.SerializeTailSampling(args.Config);

        CollectorConfig = program.Add(ComponentName, new SsmParameter("otel-collector-config", new SsmParameterArgs
        {
            Name = $"{args.ParameterPrefix}/otel-collector-config",
            Type = "String",
            InsecureValue = collectorYaml,
            Tier = TierFor("otel-collector-config", collectorYaml),
            Description = $"OpenTelemetry Collector config (otelcol-contrib {CollectorDistribution.Version}) that the ECS task runs.",
            Tags = args.Tags,
        }));

        SamplingConfig = program.Add(ComponentName, new SsmParameter("otel-sampling-config", new SsmParameterArgs
        {
            Name = $"{args.ParameterPrefix}/otel-sampling-config",
            Type = "String",
            InsecureValue = samplingYaml,
            Tier = TierFor("otel-sampling-config", samplingYaml),
            Description = "The tail_sampling block of the running collector config, for operators and audit. Not read by the collector.",
            Tags = args.Tags,
        }));

        ConnectionString = program.Add(ComponentName, new SsmParameter("azure-monitor-connection-string", new SsmParameterArgs
        {
            Name = $"{args.ParameterPrefix}/azure-monitor-connection-string",
            Type = "SecureString",
            Value = args.AzureMonitorConnectionString,
            Tier = "Standard",
            Description = "Application Insights connection string; ECS injects it as APPLICATIONINSIGHTS_CONNECTION_STRING.",
            Tags = args.Tags,
        }));
    }

    public SsmParameter CollectorConfig { get; }

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
