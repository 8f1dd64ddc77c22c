namespace Infra.Model.Azure;

/// <summary><c>azure-native:monitor:ScheduledQueryRule</c> (API 2025-01-01-preview): a log search alert.</summary>
public sealed class ScheduledQueryRule(string name, ScheduledQueryRuleArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "azure-native:monitor:ScheduledQueryRule";
}

public sealed record ScheduledQueryRuleArgs
{
    public required Input<string> ResourceGroupName { get; init; }

    public required string RuleName { get; init; }

    public required Input<string> Location { get; init; }

    /// <summary><c>LogAlert</c>.</summary>
    public required string Kind { get; init; }

    public required string DisplayName { get; init; }

    public required string Description { get; init; }

    public required bool Enabled { get; init; }

    /// <summary>0 (critical) to 4 (verbose).</summary>
    public required int Severity { get; init; }

    public required IReadOnlyList<Input<string>> Scopes { get; init; }

    /// <summary>ISO 8601 duration.</summary>
    public required string EvaluationFrequency { get; init; }

    /// <summary>ISO 8601 duration: the window the query counts over.</summary>
    public required string WindowSize { get; init; }

    public required ScheduledQueryCriteria Criteria { get; init; }

    public required ScheduledQueryActions Actions { get; init; }

    /// <summary>Resolves the alert once the condition no longer holds.</summary>
    public required bool AutoMitigate { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record ScheduledQueryCriteria(IReadOnlyList<ScheduledQueryCondition> AllOf);

public sealed record ScheduledQueryCondition
{
    public required Input<string> Query { get; init; }

    /// <summary><c>Count</c>: the rows the query returns, no measure column.</summary>
    public required string TimeAggregation { get; init; }

    /// <summary>The REST values (<c>LessThan</c>, ...), not the SDK enum of another Monitor API.</summary>
    public required string Operator { get; init; }

    public required double Threshold { get; init; }

    public required ScheduledQueryFailingPeriods FailingPeriods { get; init; }
}

public sealed record ScheduledQueryFailingPeriods(int NumberOfEvaluationPeriods, int MinFailingPeriodsToAlert);

public sealed record ScheduledQueryActions(IReadOnlyList<Input<string>> ActionGroups);
