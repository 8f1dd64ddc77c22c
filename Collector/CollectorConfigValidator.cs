using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Model;
using Infra.Settings;

namespace Infra.Collector;

/// <summary>
/// Checks a collector config as the collector reads it (the rendered YAML, not the model), so the
/// same rules catch a hand-written config. Messages name the component, the key and why, in the
/// collector's own <c>section::name</c> style.
/// </summary>
public static partial class CollectorConfigValidator
{
    private static readonly string[] Kinds = ["receivers", "processors", "exporters", "extensions"];

    /// <summary>Throws a <see cref="UserError"/> listing every problem, or returns the parsed config.</summary>
    public static Dictionary<string, object?> EnsureValid(string collectorYaml)
    {
        var tree = YamlTree.ParseMap(collectorYaml);
        var errors = Validate(tree);
        if (errors.Count > 0)
        {
            throw new UserError("The collector would reject this config:\n" + string.Join("\n", errors.Select(e => "- " + e)));
        }
        return tree;
    }

    public static IReadOnlyList<string> Validate(Dictionary<string, object?> config)
    {
        var errors = new List<string>();
        var defined = Kinds.ToDictionary(kind => kind, kind => Section(config, kind), StringComparer.Ordinal);
        foreach (var kind in Kinds)
        {
            CheckTypesAndKeys(kind, defined[kind], errors);
        }

        var service = Map(config, "service");
        var serviceExtensions = Strings(service, "extensions");
        var pipelines = Map(service, "pipelines");
        var used = Kinds.ToDictionary(kind => kind, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);

        foreach (var id in serviceExtensions)
        {
            used["extensions"].Add(id);
            if (!defined["extensions"].ContainsKey(id))
            {
                errors.Add($"service::extensions: references extension \"{id}\" which is not configured");
            }
        }
        foreach (var (pipelineId, value) in pipelines)
        {
            var pipeline = value as Dictionary<string, object?> ?? [];
            foreach (var kind in new[] { "receivers", "processors", "exporters" })
            {
                foreach (var id in Strings(pipeline, kind))
                {
                    used[kind].Add(id);
                    if (!defined[kind].ContainsKey(id))
                    {
                        errors.Add($"service::pipelines::{pipelineId}: references {Singular(kind)} \"{id}\" which is not configured");
                    }
                }
            }
        }
        foreach (var kind in Kinds)
        {
            foreach (var id in defined[kind].Keys.Where(id => !used[kind].Contains(id)))
            {
                errors.Add(kind == "extensions"
                    ? $"extensions::{id}: is configured but not listed in service::extensions"
                    : $"{kind}::{id}: is configured but not used by any pipeline");
            }
        }

        CheckTracesPipeline(pipelines, errors);
        CheckPorts(defined["receivers"], errors);
        foreach (var (id, value) in defined["processors"].Where(p => TypeOf(p.Key) == "tail_sampling"))
        {
            CheckTailSampling(id, value as Dictionary<string, object?> ?? [], errors);
        }
        return errors;
    }

    private static void CheckTypesAndKeys(string kind, Dictionary<string, object?> components, List<string> errors)
    {
        var known = CollectorDistribution.Components[kind];
        foreach (var (id, value) in components)
        {
            var type = TypeOf(id);
            if (!known.TryGetValue(type, out var allowedKeys))
            {
                errors.Add($"{kind}::{id}: unknown type \"{type}\": otelcol-contrib {CollectorDistribution.Version} as pinned here has no such {Singular(kind)} (known: {string.Join(", ", known.Keys.Order(StringComparer.Ordinal))})");
                continue;
            }
            foreach (var key in (value as Dictionary<string, object?> ?? []).Keys.Where(key => !allowedKeys.Contains(key)))
            {
                errors.Add($"{kind}::{id}: has invalid key \"{key}\" (accepted: {string.Join(", ", allowedKeys.Order(StringComparer.Ordinal))})");
            }
        }
    }

    private static void CheckTracesPipeline(Dictionary<string, object?> pipelines, List<string> errors)
    {
        if (!pipelines.TryGetValue("traces", out var value) || value is not Dictionary<string, object?> traces)
        {
            errors.Add("service::pipelines: has no traces pipeline");
            return;
        }
        var processors = Strings(traces, "processors").Select(TypeOf).ToList();
        if (processors.Count == 0 || processors[0] != "memory_limiter")
        {
            errors.Add($"service::pipelines::traces: memory_limiter must be the first processor (first is {(processors.Count == 0 ? "nothing" : $"\"{processors[0]}\"")}), or memory is not protected");
        }
        var tailSampling = processors.IndexOf("tail_sampling");
        if (tailSampling < 0)
        {
            errors.Add("service::pipelines::traces: has no tail_sampling processor; a sampling policy kept anywhere else (another parameter, another file) is never applied");
            return;
        }
        var batch = processors.IndexOf("batch");
        if (batch >= 0 && batch < tailSampling)
        {
            errors.Add("service::pipelines::traces: batch must come after tail_sampling, which regroups spans by trace and would undo the batching");
        }
    }

    private static void CheckPorts(Dictionary<string, object?> receivers, List<string> errors)
    {
        var listeners = new Dictionary<int, string>();
        foreach (var (id, value) in receivers)
        {
            foreach (var (protocol, settings) in Map(value as Dictionary<string, object?> ?? [], "protocols"))
            {
                var endpoint = (settings as Dictionary<string, object?>)?.GetValueOrDefault("endpoint") as string;
                var match = endpoint is null ? null : PortPattern().Match(endpoint);
                if (match is null || !match.Success)
                {
                    continue;
                }
                var port = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                var listener = $"{id} ({protocol})";
                if (!listeners.TryAdd(port, listener))
                {
                    errors.Add($"receivers::{id}: {protocol} endpoint port {port} is already taken by {listeners[port]}");
                }
            }
        }
    }

    private static void CheckTailSampling(string id, Dictionary<string, object?> settings, List<string> errors)
    {
        var where = $"processors::{id}";
        var decisionWait = settings.GetValueOrDefault("decision_wait") is string wait ? ParseDuration(wait) : TimeSpan.FromSeconds(30);
        if (decisionWait is null)
        {
            errors.Add($"{where}: decision_wait \"{settings["decision_wait"]}\" is not a duration such as 10s");
        }
        else if (decisionWait < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{where}: decision_wait {settings["decision_wait"]} is below 1s; spans arriving later than that start a second, partial trace");
        }
        var numTraces = Number(settings.GetValueOrDefault("num_traces")) ?? 50000;
        var perSecond = Number(settings.GetValueOrDefault("expected_new_traces_per_sec")) ?? 0;
        if (decisionWait is not null && numTraces < perSecond * decisionWait.Value.TotalSeconds)
        {
            errors.Add($"{where}: num_traces {numTraces} is less than expected_new_traces_per_sec {perSecond} x decision_wait {decisionWait.Value.TotalSeconds}s = {perSecond * decisionWait.Value.TotalSeconds}; traces would be evicted before their decision");
        }
        var policies = settings.GetValueOrDefault("policies") as List<object?> ?? [];
        if (policies.Count == 0)
        {
            errors.Add($"{where}: policies is empty; the processor needs at least one");
        }
        foreach (var policy in policies.OfType<Dictionary<string, object?>>())
        {
            var name = policy.GetValueOrDefault("name") as string ?? "(unnamed)";
            var type = policy.GetValueOrDefault("type") as string ?? "";
            var block = policy.GetValueOrDefault(type) as Dictionary<string, object?>;
            switch (type)
            {
                case "probabilistic":
                    var percentage = Number(block?.GetValueOrDefault("sampling_percentage"));
                    if (percentage is not (> 0 and <= 100))
                    {
                        errors.Add($"{where}: policy \"{name}\" probabilistic.sampling_percentage {Format(percentage)} must be greater than 0 and at most 100");
                    }
                    break;
                case "latency":
                    var threshold = Number(block?.GetValueOrDefault("threshold_ms"));
                    if (threshold is not > 0)
                    {
                        errors.Add($"{where}: policy \"{name}\" latency.threshold_ms {Format(threshold)} must be greater than 0");
                    }
                    break;
                case "status_code":
                    if (block?.GetValueOrDefault("status_codes") is not List<object?> { Count: > 0 } codes
                        || codes.Any(code => code is not ("OK" or "ERROR" or "UNSET")))
                    {
                        errors.Add($"{where}: policy \"{name}\" status_code.status_codes must list OK, ERROR or UNSET");
                    }
                    break;
            }
        }
    }

    private static string TypeOf(string id) => id.Split('/')[0];

    private static string Singular(string kind) => kind[..^1];

    private static Dictionary<string, object?> Section(Dictionary<string, object?> config, string kind) =>
        (config.GetValueOrDefault(kind) as Dictionary<string, object?> ?? []).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    private static Dictionary<string, object?> Map(Dictionary<string, object?> node, string key) =>
        node.GetValueOrDefault(key) as Dictionary<string, object?> ?? [];

    private static List<string> Strings(Dictionary<string, object?> node, string key) =>
        (node.GetValueOrDefault(key) as List<object?> ?? []).Select(item => Convert.ToString(item, CultureInfo.InvariantCulture) ?? "").ToList();

    private static double? Number(object? value) => value switch
    {
        long whole => whole,
        double real => real,
        _ => null,
    };

    private static string Format(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "(missing)";

    /// <summary>Go-style durations as the collector writes them: 500ms, 10s, 2m, 1h.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        var match = DurationPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }
        var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            _ => TimeSpan.FromHours(amount),
        };
    }

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@":([0-9]{1,5})$")]
    private static partial Regex PortPattern();
}
