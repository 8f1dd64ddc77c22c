using System.Text.Json;
using System.Text.RegularExpressions;
using Infra.Collector.Telemetry;
using static Infra.Tests.Components.Monitoring.TelemetryTestSupport;

namespace Infra.Tests.Components.Monitoring;

/// <summary>The dashboard body as CloudWatch receives it: valid JSON whose every line is a metric the configs send.</summary>
public partial class PipelineDashboardTests
{
    private static JsonElement Body(string stack)
    {
        var dashboard = Program(stack).Single("aws:cloudwatch:Dashboard");
        Assert.Equal($"otel-{stack}-pipeline", dashboard.Inputs["dashboardName"]);
        return JsonDocument.Parse(Assert.IsType<string>(dashboard.Inputs["dashboardBody"])).RootElement;
    }

    private static IEnumerable<JsonElement> MetricWidgets(string stack) =>
        Body(stack).GetProperty("widgets").EnumerateArray().Where(w => w.GetProperty("type").GetString() == "metric");

    /// <summary>Plain metric lines: [namespace, metric, dimension, value, ..., {options}?].</summary>
    private static List<(string Namespace, string Metric, Dictionary<string, string> Dimensions)> Lines(string stack) =>
        [.. MetricWidgets(stack).SelectMany(w => w.GetProperty("properties").GetProperty("metrics").EnumerateArray())
            .Where(line => line[0].ValueKind == JsonValueKind.String)
            .Select(line =>
            {
                var parts = line.EnumerateArray().TakeWhile(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()!).ToList();
                Assert.True(parts.Count % 2 == 0, $"odd metric line: {line}");
                var dimensions = Enumerable.Range(1, parts.Count / 2 - 1).ToDictionary(i => parts[2 * i], i => parts[2 * i + 1]);
                return (parts[0], parts[1], dimensions);
            })];

    private static List<string> Expressions(string stack) =>
        [.. MetricWidgets(stack).SelectMany(w => w.GetProperty("properties").GetProperty("metrics").EnumerateArray())
            .Where(line => line[0].ValueKind == JsonValueKind.Object)
            .Select(line => line[0].GetProperty("expression").GetString()!)];

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Widgets_sit_on_the_grid_with_a_region_and_a_title(string stack)
    {
        var widgets = Body(stack).GetProperty("widgets").EnumerateArray().ToList();
        Assert.All(widgets, w => Assert.InRange(w.GetProperty("x").GetInt32() + w.GetProperty("width").GetInt32(), 1, 24));
        Assert.All(MetricWidgets(stack), w =>
        {
            Assert.Equal("eu-west-1", w.GetProperty("properties").GetProperty("region").GetString());
            Assert.NotEmpty(w.GetProperty("properties").GetProperty("metrics").EnumerateArray());
        });
        Assert.Equal(
        [
            "Collector memory (RSS bytes)", "Exporter queues (spans)", "Latency p99 per service", "Spans exported and failed, per exporter",
            "Spans received and refused", "Tail sampling: traces by decision", "Tasks per tier",
            "Top 10 services: errors per minute", "Top 10 services: requests per minute",
        ], MetricWidgets(stack).Select(w => w.GetProperty("properties").GetProperty("title").GetString()!).Order(StringComparer.Ordinal));
    }

    /// <summary>Names and dimensions agree with the rendered awsemf declarations of the tier the line names; values with the tier's component ids.</summary>
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Every_pipeline_metric_on_the_dashboard_is_one_its_tier_sends_with_those_dimensions(string stack)
    {
        var own = Lines(stack).Where(l => l.Namespace == $"otel-multicloud/{stack}").ToList();
        Assert.NotEmpty(own);
        foreach (var (_, metric, dimensions) in own)
        {
            var tier = dimensions["tier"];
            Assert.Contains(tier, Tiers(stack));
            var config = Config(stack, tier);
            Assert.Contains(dimensions.Keys.ToHashSet(), DeclaredMetrics(config, [metric])[metric], HashSet<string>.CreateSetComparer());

            var inventory = PipelineInventory.Of(config);
            if (dimensions.TryGetValue("exporter", out var exporter))
            {
                Assert.Contains(exporter, inventory.TraceExporters);
            }
            if (dimensions.TryGetValue("receiver", out var receiver))
            {
                Assert.Contains(receiver, inventory.TraceReceivers);
            }
            if (dimensions.TryGetValue("processor", out var processor))
            {
                Assert.Contains(processor, inventory.MemoryLimiters);
            }
            if (dimensions.TryGetValue("decision", out var decision))
            {
                Assert.Contains(decision, PipelineMetrics.Decisions);
            }
        }
        // The issue's list: spans in and out per exporter, sampled vs dropped, queue size.
        var shown = own.Select(l => l.Metric).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            PipelineMetrics.ReceiverAcceptedSpans, PipelineMetrics.ReceiverRefusedSpans, PipelineMetrics.ExporterSentSpans, PipelineMetrics.ExporterSendFailedSpans,
            PipelineMetrics.TracesSampled, PipelineMetrics.TracesDroppedTooEarly, PipelineMetrics.ExporterQueueSize, PipelineMetrics.ExporterQueueCapacity,
        }, shown);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Task_counts_are_shown_for_every_tiers_service(string stack)
    {
        var program = Program(stack);
        var tasks = Lines(stack).Where(l => l.Namespace == "ECS/ContainerInsights").ToList();
        Assert.Equal(
            Tiers(stack).SelectMany(tier => new[] { $"RunningTaskCount {program.Resources[$"{tier}-service"].State["name"]}", $"DesiredTaskCount {program.Resources[$"{tier}-service"].State["name"]}" }).Order(),
            tasks.Select(l => $"{l.Metric} {l.Dimensions["ServiceName"]}").Order());
        Assert.All(tasks, l => Assert.Equal(program.Resources["collector-cluster"].State["name"], l.Dimensions["ClusterName"]));
    }

    /// <summary>The RED queries name the RED metrics and dimension sets the awsemf declarations give them.</summary>
    [Theory]
    [InlineData("dev", "collector")]
    [InlineData("prod", "router")]
    public void Red_queries_name_the_red_metrics_with_their_declared_dimensions(string stack, string computingTier)
    {
        var declared = DeclaredMetrics(Config(stack, computingTier), [PipelineMetrics.Calls, PipelineMetrics.Duration]);
        var expressions = Expressions(stack);
        Assert.Equal(3, expressions.Count);
        foreach (var expression in expressions)
        {
            var select = SelectPattern().Match(expression);
            var search = SearchPattern().Match(expression);
            Assert.True(select.Success || search.Success, expression);
            var (ns, metric, dimensions) = select.Success
                ? (select.Groups["ns"].Value, select.Groups["metric"].Value, select.Groups["dims"].Value)
                : (search.Groups["ns"].Value, search.Groups["metric"].Value, search.Groups["dims"].Value);
            Assert.Equal($"otel-multicloud/{stack}", ns);
            var set = dimensions.Split(',', StringSplitOptions.TrimEntries).Select(d => d.Trim('"')).ToHashSet();
            Assert.Contains(set, declared[metric], HashSet<string>.CreateSetComparer());
        }
        Assert.Contains(expressions, e => e.Contains("WHERE \"status.code\" = 'STATUS_CODE_ERROR'") && e.EndsWith("ORDER BY SUM() DESC LIMIT 10"));
        Assert.Contains(expressions, e => e.StartsWith("SEARCH(") && e.Contains("'p99'"));
    }

    [GeneratedRegex("""^SELECT SUM\("(?<metric>[^"]+)"\) FROM SCHEMA\("(?<ns>[^"]+)", (?<dims>[^)]+)\)""")]
    private static partial Regex SelectPattern();

    [GeneratedRegex("""^SEARCH\('\{"(?<ns>[^"]+)",(?<dims>[^}]+)\} MetricName="(?<metric>[^"]+)"', 'p99', 60\)$""")]
    private static partial Regex SearchPattern();
}
