using Infra.Settings.Topology;

namespace Infra.Settings;

/// <summary>Rules that span several keys; each message names the keys involved and how to fix them.</summary>
public static class SettingsRules
{
    public static void Check(StackSettings settings, bool allowPublicIngress, string source)
    {
        string Key(Setting setting) => SettingKeys.Qualified(setting);
        var network = settings.Network;

        var zones = network.PrivateSubnets.Select(s => s.AvailabilityZone).Distinct().Count();
        if (zones < 2)
        {
            throw new UserError($"{source}: {Key(SettingKeys.PrivateSubnets)} are all in {network.PrivateSubnets[0].AvailabilityZone}: name private subnets in at least 2 availability zones, so one zone's outage does not stop tracing.");
        }
        var duplicate = network.PrivateSubnets.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new UserError($"{source}: {Key(SettingKeys.PrivateSubnets)} names {duplicate.Key} twice.");
        }
        var foreignSubnet = network.PrivateSubnets.FirstOrDefault(s => !s.AvailabilityZone.StartsWith(settings.AwsRegion, StringComparison.Ordinal));
        if (foreignSubnet is not null)
        {
            throw new UserError($"{source}: {Key(SettingKeys.PrivateSubnets)} puts {foreignSubnet.Id} in {foreignSubnet.AvailabilityZone}, which is not in aws:region {settings.AwsRegion}.");
        }

        var isPublic = network.IngressCidrs.Contains(Cidr.Anywhere);
        if (settings.Production && (isPublic || allowPublicIngress))
        {
            throw new UserError($"{source}: a production stack ({Key(SettingKeys.Production)} = true) never accepts OTLP from {Cidr.Anywhere}: list the senders' CIDRs in {Key(SettingKeys.IngressCidrs)} and set {Key(SettingKeys.AllowPublicIngress)} to false.");
        }
        if (isPublic && !allowPublicIngress)
        {
            throw new UserError($"{source}: {Key(SettingKeys.IngressCidrs)} contains {Cidr.Anywhere}, which opens ports 4317/4318 to everyone: list the senders' CIDRs instead, or set {Key(SettingKeys.AllowPublicIngress)} to true on a non-production stack.");
        }

        IngressRules.Check(settings, source);
        IngressRules.CheckKeyVaultReaders(settings.KeyVaultReaderPrincipalIds, source);
        CheckRuntime(settings, source);
        CheckExport(settings.Export, source);
        var traffic = settings.Traffic;
        if (traffic.ErrorTraceShare + traffic.SlowTraceShare > 1)
        {
            throw new UserError($"{source}: {Key(SettingKeys.ErrorTraceShare)} = {traffic.ErrorTraceShare} and {Key(SettingKeys.SlowTraceShare)} = {traffic.SlowTraceShare} add up to more than 1: they are shares of the same traces.");
        }
        MonitoringRules.Check(settings, source);
        ImageRules.Check(settings, source);
    }

    private static void CheckRuntime(StackSettings settings, string source)
    {
        string Key(Setting setting) => SettingKeys.Qualified(setting);
        var runtime = settings.Runtime;
        if (settings.Production && runtime.Topology.Routing is null)
        {
            throw new UserError($"{source}: a production stack ({Key(SettingKeys.Production)} = true) must set {Key(SettingKeys.Topology)} to {TopologyNames.Tiered}: a single collector task is a single point of failure, and tail sampling cannot scale out without a routing tier that keeps each trace on one sampler.");
        }
        foreach (var (label, keys, size) in runtime.Topology.Tiers.Select(tier => (tier.Label, tier.Keys, tier.Size)))
        {
            if (!FargateSizes.IsValid(size.CpuUnits, size.MemoryMiB))
            {
                throw new UserError($"{source}: {Key(keys.TaskCpu)} = {size.CpuUnits} with {Key(keys.TaskMemory)} = {size.MemoryMiB} is not a Fargate size: with {size.CpuUnits} CPU units memory must be {FargateSizes.AllowedMemoryFor(size.CpuUnits)} MiB.");
            }
            if (keys is not { MinTasks: { } minKey, MaxTasks: { } maxKey })
            {
                continue;
            }
            if (size.MinTasks > size.MaxTasks)
            {
                throw new UserError($"{source}: {Key(minKey)} = {size.MinTasks} is above {Key(maxKey)} = {size.MaxTasks}: the {label} tier's autoscaling needs a minimum at most its maximum.");
            }
            if (settings.Production && size.MinTasks < 2)
            {
                throw new UserError($"{source}: {Key(minKey)} = {size.MinTasks} in a production stack: run at least 2 tasks in the {label} tier, so that losing one task or one availability zone does not stop tracing.");
            }
        }
    }

    private static void CheckExport(ExportSettings export, string source)
    {
        string Key(Setting setting) => SettingKeys.Qualified(setting);
        if (export.ManageTransactionSearch && export.TransactionSearchEnabled)
        {
            throw new UserError($"{source}: {Key(SettingKeys.ManageTransactionSearch)} and {Key(SettingKeys.TransactionSearchEnabled)} are both true: a stack either owns Transaction Search or declares that something else turned it on. Keep one.");
        }
        if (export.XrayOverOtlp && !export.ManageTransactionSearch && !export.TransactionSearchEnabled)
        {
            throw new UserError($"{source}: {Key(SettingKeys.XrayExport)} = {XrayExportModes.Otlp} sends spans to the X-Ray OTLP endpoint, which accepts them only with CloudWatch Transaction Search on: set {Key(SettingKeys.ManageTransactionSearch)} to true (this stack turns it on; one stack per account and region), or {Key(SettingKeys.TransactionSearchEnabled)} to true if it is already on, or {Key(SettingKeys.XrayExport)} to {XrayExportModes.Segments}.");
        }
    }
}
