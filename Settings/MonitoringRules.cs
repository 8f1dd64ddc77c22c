namespace Infra.Settings;

/// <summary>Alarms someone receives, each recipient once, and windows CloudWatch can evaluate.</summary>
public static class MonitoringRules
{
    /// <summary>CloudWatch evaluates at most one day: evaluation periods x period.</summary>
    public const int MaxEvaluationSeconds = 86_400;

    public static void Check(StackSettings settings, string source)
    {
        string Key(Setting setting) => SettingKeys.Qualified(setting);
        var monitoring = settings.Monitoring;
        if (settings.Production && monitoring.AlarmEmails.Count == 0)
        {
            throw new UserError($"{source}: {Key(SettingKeys.AlarmEmails)} is empty in a production stack: the pipeline's alarms and the Azure no-spans alert would tell nobody. List at least one address (each confirms the subscription email AWS sends it).");
        }
        var duplicate = monitoring.AlarmEmails.GroupBy(email => email, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new UserError($"{source}: {Key(SettingKeys.AlarmEmails)} names {duplicate.Key} twice: each address gets one subscription.");
        }
        var window = monitoring.AlarmPeriodSeconds * monitoring.AlarmEvaluationPeriods;
        if (window > MaxEvaluationSeconds)
        {
            throw new UserError($"{source}: {Key(SettingKeys.AlarmPeriodSeconds)} = {monitoring.AlarmPeriodSeconds} x {Key(SettingKeys.AlarmEvaluationPeriods)} = {monitoring.AlarmEvaluationPeriods} is {window} seconds, but CloudWatch evaluates at most {MaxEvaluationSeconds} (one day): lower one of them.");
        }
    }
}
