namespace Infra.Model.Aws;

/// <summary><c>aws:cloudwatch:MetricAlarm</c> (the alarm's name is the input <c>name</c>).</summary>
public sealed class MetricAlarm(string name, MetricAlarmArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:cloudwatch:MetricAlarm";
}

/// <summary>Either one metric (namespace, metricName, dimensions, statistic, period) or metricQueries with a math expression.</summary>
public sealed record MetricAlarmArgs
{
    public required string Name { get; init; }

    public required string AlarmDescription { get; init; }

    public string? Namespace { get; init; }

    public string? MetricName { get; init; }

    public IReadOnlyDictionary<string, Input<string>>? Dimensions { get; init; }

    public string? Statistic { get; init; }

    public int? Period { get; init; }

    public IReadOnlyList<MetricAlarmQuery>? MetricQueries { get; init; }

    public required string ComparisonOperator { get; init; }

    public required double Threshold { get; init; }

    public required int EvaluationPeriods { get; init; }

    public required int DatapointsToAlarm { get; init; }

    /// <summary><c>missing</c>, <c>ignore</c>, <c>breaching</c> or <c>notBreaching</c>.</summary>
    public required string TreatMissingData { get; init; }

    public required IReadOnlyList<Input<string>> AlarmActions { get; init; }

    public required IReadOnlyList<Input<string>> OkActions { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>One line of a metric-math alarm: a metric (not returned) or the expression over them (returned).</summary>
public sealed record MetricAlarmQuery
{
    public required string Id { get; init; }

    public string? Expression { get; init; }

    public string? Label { get; init; }

    public bool? ReturnData { get; init; }

    public MetricAlarmQueryMetric? Metric { get; init; }
}

public sealed record MetricAlarmQueryMetric
{
    public required string Namespace { get; init; }

    public required string MetricName { get; init; }

    public required IReadOnlyDictionary<string, Input<string>> Dimensions { get; init; }

    public required string Stat { get; init; }

    public required int Period { get; init; }
}
