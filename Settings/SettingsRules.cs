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

        var runtime = settings.Runtime;
        if (!FargateSizes.IsValid(runtime.TaskCpu, runtime.TaskMemory))
        {
            throw new UserError($"{source}: {Key(SettingKeys.TaskCpu)} = {runtime.TaskCpu} with {Key(SettingKeys.TaskMemory)} = {runtime.TaskMemory} is not a Fargate size: with {runtime.TaskCpu} CPU units memory must be {FargateSizes.AllowedMemoryFor(runtime.TaskCpu)} MiB.");
        }
        if (runtime.DesiredCount > 1)
        {
            throw new UserError($"{source}: {Key(SettingKeys.DesiredCount)} = {runtime.DesiredCount}, but tail sampling needs all spans of a trace on the same collector, and behind a load balancer {runtime.DesiredCount} tasks would each see part of a trace and decide on fragments. Keep 1 (scale up with {Key(SettingKeys.TaskCpu)}/{Key(SettingKeys.TaskMemory)}) until a trace-affine tier (loadbalancing exporter, routing_key traceID) exists.");
        }
    }
}
