using System.Globalization;
using Infra.Model;
using Infra.Model.Azure;
using Infra.Components.Azure;

using Infra.Components.Runtime;

namespace Infra.Components.Monitoring;

public sealed record AzureSilenceAlertArgs(
    string NamePrefix,
    Input<string> ResourceGroupName,
    string Location,
    AzureMonitor Azure,
    int WindowMinutes,
    IReadOnlyList<string> Emails,
    IReadOnlyDictionary<string, string> Tags);

/// <summary>
/// The detector for a broken AWS-to-Azure hop: the azuremonitor exporter sends fire-and-forget, so a 401/403
/// (an expired or wrong connection string) never reaches the collector's failure counters. Instead, a log
/// search alert on the workspace counts the component's spans (requests and dependencies) and fires when
/// none arrived for the window; one action group per recipient emails the same people as the CloudWatch alarms.
/// </summary>
public sealed class AzureSilenceAlert
{
    public const string ComponentName = "azure-silence-alert";

    /// <summary>How often Azure runs the query; every window Azure offers for it is at least this long.</summary>
    public const string EvaluationFrequency = "PT5M";

    public AzureSilenceAlert(PulumiProgram program, AzureSilenceAlertArgs args)
    {
        RuleName = RuleNameFor(args.NamePrefix);
        // One action group per recipient, each a repeated component: another email adds an instance and needs no new template.
        ActionGroups = [.. args.Emails.Select((email, i) => program.AddRepeated("azure-alarm-email", new ActionGroup($"azure-alarm-email-{i + 1}", new ActionGroupArgs
        {
            ResourceGroupName = args.ResourceGroupName,
            ActionGroupName = $"ag-{args.NamePrefix}-email-{i + 1}",
            GroupShortName = ShortName(args.NamePrefix),
            Enabled = true,
            Location = "Global",
            EmailReceivers = [new EmailReceiver("email", email, UseCommonAlertSchema: true)],
            Tags = args.Tags,
        })))];

        Rule = program.Add(ComponentName, new ScheduledQueryRule("no-spans-alert", new ScheduledQueryRuleArgs
        {
            ResourceGroupName = args.ResourceGroupName,
            RuleName = RuleName,
            Location = args.Location,
            Kind = "LogAlert",
            DisplayName = $"{args.NamePrefix}: no spans in Application Insights for {args.WindowMinutes} minutes",
            Description = $"No span (request or dependency) reached the Application Insights component for {args.WindowMinutes} minutes. The collector cannot see a 401/403 from Azure Monitor: check the collector's {Collector.Components.Exporters.AzureMonitor.ConnectionStringVariable} and the component's local auth (README, Troubleshooting, \"401 or 403 from Azure Monitor\"), that senders reach the collector, and the CloudWatch pipeline alarms.",
            Enabled = true,
            Severity = 1,
            // The workspace holds the component's rows; the query keeps only this component's.
            Scopes = [args.Azure.Workspace.Id],
            EvaluationFrequency = EvaluationFrequency,
            WindowSize = IsoDuration(args.WindowMinutes),
            Criteria = new ScheduledQueryCriteria(
            [
                new ScheduledQueryCondition
                {
                    Query = Interpolation.Of("union AppRequests, AppDependencies\n| where _ResourceId =~ \"", args.Azure.ApplicationInsights.Id, "\""),
                    // Count with no measure column: Azure counts the rows the query returns.
                    TimeAggregation = "Count",
                    Operator = "LessThan",
                    Threshold = 1,
                    FailingPeriods = new ScheduledQueryFailingPeriods(NumberOfEvaluationPeriods: 1, MinFailingPeriodsToAlert: 1),
                },
            ]),
            Actions = new ScheduledQueryActions([.. ActionGroups.Select(group => (Input<string>)group.Id)]),
            AutoMitigate = true,
            Tags = args.Tags,
        }));
    }

    public string RuleName { get; }

    public IReadOnlyList<ActionGroup> ActionGroups { get; }

    public ScheduledQueryRule Rule { get; }

    public static string RuleNameFor(string namePrefix) => $"{namePrefix}-no-spans";

    /// <summary>ISO 8601 as Azure's log alerts take windows: PT5M .. PT45M, PT1H .. PT6H, P1D, P2D.</summary>
    public static string IsoDuration(int minutes) => minutes switch
    {
        < 60 => $"PT{minutes.ToString(CultureInfo.InvariantCulture)}M",
        < 1440 when minutes % 60 == 0 => $"PT{(minutes / 60).ToString(CultureInfo.InvariantCulture)}H",
        _ when minutes % 1440 == 0 => $"P{(minutes / 1440).ToString(CultureInfo.InvariantCulture)}D",
        _ => throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "not a window Azure log alerts accept"),
    };

    /// <summary>An action group's short name holds at most 12 characters.</summary>
    private static string ShortName(string namePrefix) => namePrefix.Length <= 12 ? namePrefix : namePrefix[..12];
}
