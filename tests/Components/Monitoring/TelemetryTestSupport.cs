using System.Text.RegularExpressions;
using Infra.Model;
using Infra.Tests.Evaluation;

namespace Infra.Tests.Components.Monitoring;

/// <summary>The evaluated stacks and their rendered collector configs, as the telemetry tests read them.</summary>
public static class TelemetryTestSupport
{
    public static readonly EvaluatedProgram Dev = TestSupport.Evaluate("dev");
    public static readonly EvaluatedProgram Prod = TestSupport.Evaluate("prod");

    public static EvaluatedProgram Program(string stack) => stack == "dev" ? Dev : Prod;

    public static IReadOnlyList<string> Tiers(string stack) => stack == "dev" ? ["collector"] : ["router", "sampler"];

    public static Dictionary<string, object?> Config(string stack, string tier) =>
        YamlTree.ParseMap((string)Program(stack).Resources[$"{tier}-otel-config"].Inputs["insecureValue"]!);

    public static Dictionary<string, object?> At(Dictionary<string, object?> node, string path) =>
        path.Split('.').Aggregate(node, (current, key) => (Dictionary<string, object?>)current[key]!);

    public static List<string> Strings(Dictionary<string, object?> node, string key) =>
        ((List<object?>)node[key]!).Select(item => (string)item!).ToList();

    /// <summary>
    /// Metric name to the dimension sets the rendered awsemf exporters of a config declare for it: what
    /// CloudWatch actually receives, read from the YAML the collector runs.
    /// </summary>
    public static Dictionary<string, List<HashSet<string>>> DeclaredMetrics(Dictionary<string, object?> config, IEnumerable<string> candidateNames)
    {
        var declared = new Dictionary<string, List<HashSet<string>>>(StringComparer.Ordinal);
        foreach (var (id, value) in At(config, "exporters").Where(e => e.Key.StartsWith("awsemf", StringComparison.Ordinal)))
        {
            foreach (var declaration in ((List<object?>)((Dictionary<string, object?>)value!)["metric_declarations"]!).Cast<Dictionary<string, object?>>())
            {
                var sets = ((List<object?>)declaration["dimensions"]!).Select(set => ((List<object?>)set!).Select(d => (string)d!).ToHashSet()).ToList();
                foreach (var selector in Strings(declaration, "metric_name_selectors"))
                {
                    foreach (var name in candidateNames.Where(name => Regex.IsMatch(name, selector)))
                    {
                        declared.TryAdd(name, []);
                        declared[name].AddRange(sets);
                    }
                }
            }
        }
        return declared;
    }
}
