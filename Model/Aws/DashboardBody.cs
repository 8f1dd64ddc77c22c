namespace Infra.Model.Aws;

/// <summary>
/// A CloudWatch dashboard body (CloudWatch API reference, "Dashboard Body Structure and Syntax"), typed.
/// Rendered with fn::toJSON, so dimension values that exist only at deploy time (service names, load
/// balancer ARN suffixes) stay references until the engine serializes the document.
/// </summary>
public sealed record DashboardBody(IReadOnlyList<DashboardWidget> Widgets)
{
    public Output<string> ToJson() => new(new ToJsonExpression(this));
}

/// <summary>A widget on the 24-column grid.</summary>
public abstract record DashboardWidget(int X, int Y, int Width, int Height)
{
    public abstract string Type { get; }
}

public sealed record TextWidget(int X, int Y, int Width, int Height, TextWidgetProperties Properties) : DashboardWidget(X, Y, Width, Height)
{
    public override string Type => "text";
}

public sealed record TextWidgetProperties(string Markdown);

public sealed record MetricWidget(int X, int Y, int Width, int Height, MetricWidgetProperties Properties) : DashboardWidget(X, Y, Width, Height)
{
    public override string Type => "metric";
}

public sealed record MetricWidgetProperties
{
    public required string Title { get; init; }

    public required string Region { get; init; }

    /// <summary><c>timeSeries</c>, <c>singleValue</c>, <c>bar</c>, ...</summary>
    public string View { get; init; } = "timeSeries";

    public bool Stacked { get; init; }

    public required int Period { get; init; }

    /// <summary>The statistic of every line that does not name its own.</summary>
    public required string Stat { get; init; }

    public required IReadOnlyList<DashboardMetric> Metrics { get; init; }
}

/// <summary>One entry of a metric widget's <c>metrics</c> array: itself an array.</summary>
public abstract record DashboardMetric : IExpression
{
    public abstract object Render();
}

/// <summary><c>[Namespace, MetricName, DimensionName, DimensionValue, ..., {rendering properties}]</c>.</summary>
public sealed record MetricLine(string Namespace, string MetricName, IReadOnlyList<MetricDimension> Dimensions, string? Label = null, string? Stat = null) : DashboardMetric
{
    public override object Render()
    {
        var line = new List<object> { Node.From(Namespace), Node.From(MetricName) };
        foreach (var dimension in Dimensions)
        {
            line.Add(Node.From(dimension.Name));
            line.Add(Node.From(dimension.Value));
        }
        var options = Node.Map(("label", Label is null ? null : Node.From(Label)), ("stat", Stat));
        if (options.Count > 0)
        {
            line.Add(options);
        }
        return line;
    }
}

public sealed record MetricDimension(string Name, Input<string> Value);

/// <summary><c>[{"expression": ..., "id": ..., "label": ...}]</c>: metric math, a SEARCH, or a Metrics Insights query.</summary>
public sealed record ExpressionLine(string Expression, string Id, string Label) : DashboardMetric
{
    public override object Render() => new List<object> { Node.Map(("expression", Node.From(Expression)), ("id", Id), ("label", Node.From(Label))) };
}
