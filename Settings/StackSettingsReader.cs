using System.Text.RegularExpressions;
using Infra.Settings.Topology;

namespace Infra.Settings;

/// <summary>Reads and validates one stack's config into <see cref="StackSettings"/>; every failure is a <see cref="UserError"/>.</summary>
public static partial class StackSettingsReader
{
    /// <summary>Every size key is read (a bad value is refused whichever topology is chosen); the topology takes the ones it runs.</summary>
    private static CollectorTopology ReadTopology(StackConfig config)
    {
        var single = (Cpu: Get(config, SettingKeys.TaskCpu), Memory: Get(config, SettingKeys.TaskMemory));
        var router = new TierSize(Get(config, SettingKeys.RouterTaskCpu), Get(config, SettingKeys.RouterTaskMemory), Get(config, SettingKeys.RouterMinTasks), Get(config, SettingKeys.RouterMaxTasks));
        var sampler = new TierSize(Get(config, SettingKeys.SamplerTaskCpu), Get(config, SettingKeys.SamplerTaskMemory), Get(config, SettingKeys.SamplerMinTasks), Get(config, SettingKeys.SamplerMaxTasks));
        return TopologyNames.Parse(Get(config, SettingKeys.Topology)!) == TopologyKind.Tiered
            ? CollectorTopology.Tiered(router, sampler)
            : CollectorTopology.Single(single.Cpu, single.Memory);
    }

    public static StackSettings Read(string stack, StackConfig config)
    {
        if (!StackNamePattern().IsMatch(stack))
        {
            throw new UserError($"Stack name '{stack}' is not valid: use lowercase letters, digits and '-', starting with a letter (at most 20 characters).");
        }
        RejectUnknownProjectKeys(config);
        var settings = new StackSettings
        {
            Stack = stack,
            AwsRegion = Get(config, SettingKeys.AwsRegion)!,
            AzureLocation = Get(config, SettingKeys.AzureLocation)!,
            Production = Get(config, SettingKeys.Production),
            LogRetentionDays = Get(config, SettingKeys.LogRetentionDays),
            TailSampling = new TailSamplingSettings(
                Get(config, SettingKeys.SamplingPercentage),
                Get(config, SettingKeys.LatencyThresholdMs),
                Get(config, SettingKeys.DecisionWaitSeconds),
                Get(config, SettingKeys.NumTraces),
                Get(config, SettingKeys.ExpectedNewTracesPerSec)),
            Traffic = new TrafficSettings(
                Get(config, SettingKeys.SpansPerTrace),
                Get(config, SettingKeys.AverageSpanBytes),
                Get(config, SettingKeys.ErrorTraceShare),
                Get(config, SettingKeys.SlowTraceShare),
                Get(config, SettingKeys.PeakFactor)),
            Network = new NetworkSettings(
                Get(config, SettingKeys.VpcId)!,
                Get(config, SettingKeys.VpcCidr)!,
                Get(config, SettingKeys.PrivateSubnets)!,
                Get(config, SettingKeys.IngressCidrs)!,
                Get(config, SettingKeys.InternalLoadBalancer),
                NullIfEmpty(Get(config, SettingKeys.CertificateArn)),
                Get(config, SettingKeys.NatGatewayEgress))
            {
                PrivateAwsEndpoints = Get(config, SettingKeys.PrivateAwsEndpoints),
                PrivateRouteTableIds = Get(config, SettingKeys.PrivateRouteTableIds)!,
            },
            Export = new ExportSettings(
                Get(config, SettingKeys.XrayExport)!,
                Get(config, SettingKeys.ManageTransactionSearch),
                Get(config, SettingKeys.TransactionSearchEnabled),
                Get(config, SettingKeys.TransactionSearchIndexingPercentage)),
            Runtime = new CollectorRuntimeSettings(
                ReadTopology(config),
                Get(config, SettingKeys.CpuArchitecture),
                Get(config, SettingKeys.CollectorLogRetentionDays)),
            Ingress = new IngressSettings(
                IngressAuthNames.Parse(Get(config, SettingKeys.IngressAuth)!),
                Get(config, SettingKeys.IngressTokenGeneration),
                Get(config, SettingKeys.AllowPlaintextIngress),
                NullIfEmpty(Get(config, SettingKeys.IngressHostName))),
            KeyVaultReaderPrincipalIds = Get(config, SettingKeys.KeyVaultReaderPrincipalIds)!,
            KeyVaultNetworks = new KeyVaultNetworks(Get(config, SettingKeys.KeyVaultAllowedIpRanges)!, Get(config, SettingKeys.KeyVaultAllowedSubnetIds)!),
            Monitoring = new MonitoringSettings(
                Get(config, SettingKeys.AlarmEmails)!,
                Get(config, SettingKeys.AlarmPeriodSeconds),
                Get(config, SettingKeys.AlarmEvaluationPeriods),
                Get(config, SettingKeys.ExportFailureThreshold),
                Get(config, SettingKeys.RefusedSpansThreshold),
                Get(config, SettingKeys.DroppedTracesThreshold),
                Get(config, SettingKeys.QueueAlarmPercent),
                Get(config, SettingKeys.CpuAlarmPercent),
                Get(config, SettingKeys.MemoryAlarmPercent),
                Get(config, SettingKeys.TaskShortfallMinutes),
                Get(config, SettingKeys.NoSpansAlertMinutes),
                Get(config, SettingKeys.SpanMetricsCardinalityLimit)),
            Image = new ImageSettings(
                Get(config, SettingKeys.ImageSource)!,
                NullIfEmpty(Get(config, SettingKeys.ImageRepository)),
                NullIfEmpty(Get(config, SettingKeys.ImagePullCredentialArn)),
                NullIfEmpty(Get(config, SettingKeys.ImageDigest)),
                Get(config, SettingKeys.AllowPublicImagePull),
                Get(config, SettingKeys.UtilityImage)!),
            OutageRideThroughMinutes = Get(config, SettingKeys.OutageRideThroughMinutes),
        };
        SettingsRules.Check(settings, Get(config, SettingKeys.AllowPublicIngress), config.Source);
        return settings;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static T? Get<T>(StackConfig config, Setting<T> setting)
    {
        var key = SettingKeys.Qualified(setting);
        if (config.IsSecure(key))
        {
            throw new UserError($"{config.Source}: {key} is a secure value, but it shapes the program and must be plain text. None of this project's keys hold secrets: the Azure Monitor connection string is created by the program itself. Set it with 'pulumi config set {key} <value>' (without --secret).");
        }
        if (!config.Values.TryGetValue(key, out var text))
        {
            text = setting.DefaultText
                ?? throw new UserError($"{config.Source}: {key} is required and not set ({setting.Description} Allowed: {setting.Range}). Set it with 'pulumi config set {key} <value>'.");
        }
        var (value, error) = setting.Parse(text!);
        if (error is not null)
        {
            throw new UserError($"{config.Source}: {key} = '{UserError.Show(text!)}' {error}. Allowed: {setting.Range}.");
        }
        return value;
    }

    /// <summary>A key in the project's namespace that no setting has: a typo, named with the nearest key.</summary>
    public static void RejectUnknownProjectKeys(StackConfig config)
    {
        var known = SettingKeys.ProjectKeys.Select(SettingKeys.Qualified).ToHashSet(StringComparer.Ordinal);
        foreach (var key in config.Values.Keys)
        {
            if (key.StartsWith(SettingKeys.Project + ":", StringComparison.Ordinal) && !known.Contains(key))
            {
                var suggestion = ClosestKnown(key, known);
                // The key table has outgrown one error line: suggest the nearest key, and point to the full list.
                throw new UserError($"{config.Source}: {UserError.Show(key)} is not a config key of this project{(suggestion is null ? "" : $" (did you mean {suggestion}?)")}. Every key is listed, with its default and range, in the README's Stack configuration table.");
            }
        }
    }

    private static string? ClosestKnown(string key, IEnumerable<string> known) =>
        known.Select(candidate => (candidate, distance: EditDistance(key.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .Where(pair => pair.distance <= 3)
            .OrderBy(pair => pair.distance)
            .Select(pair => pair.candidate)
            .FirstOrDefault();

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            previous = current;
        }
        return previous[b.Length];
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,19}$")]
    private static partial Regex StackNamePattern();
}
