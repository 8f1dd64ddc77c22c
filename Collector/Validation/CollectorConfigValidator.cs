using System.Globalization;
using System.Text.RegularExpressions;
using static Infra.Collector.ConfigTree;
using Infra.Model;
using Infra.Settings;

namespace Infra.Collector;

/// <summary>
/// Checks a collector config as the collector reads it (the rendered YAML, not the model), so the
/// same rules catch a hand-written config. Messages name the component, the key and why, in the
/// collector's own <c>section::name</c> style.
/// </summary>
public static class CollectorConfigValidator
{
    private static readonly string[] Kinds = ["receivers", "processors", "exporters", "connectors", "extensions"];

    /// <summary>Throws a <see cref="UserError"/> listing every problem, or returns the YAML as given.</summary>
    public static string EnsureValid(string collectorYaml, string configName)
    {
        var errors = Validate(YamlTree.ParseMap(collectorYaml));
        if (errors.Count > 0)
        {
            throw new UserError($"The collector would reject the {configName} config:\n" + string.Join("\n", errors.Select(e => "- " + e)));
        }
        return collectorYaml;
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
                    // A connector stands as an exporter of one pipeline and a receiver of another.
                    var asConnector = kind != "processors" && defined["connectors"].ContainsKey(id);
                    used[asConnector ? "connectors" : kind].Add(id);
                    if (!asConnector && !defined[kind].ContainsKey(id))
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
        var graph = new PipelineGraph(pipelines, defined["connectors"].Keys);
        graph.CheckConnectorsHaveBothEnds(errors);

        CheckTracesPipelines(graph, defined["exporters"], errors);
        foreach (var (id, value) in defined["exporters"].Where(e => TypeOf(e.Key) is "loadbalancing" or "load_balancing"))
        {
            LoadBalancingRules.Check(id, value as Dictionary<string, object?> ?? [], errors);
        }
        CheckPorts(defined["receivers"], errors);
        ServerAuthRules.Check(defined["receivers"], defined["extensions"], serviceExtensions, errors);
        foreach (var (id, value) in defined["extensions"].Where(e => TypeOf(e.Key) == BearerTokenIngress.ExtensionId))
        {
            BearerTokenAuthRules.Check(id, value as Dictionary<string, object?> ?? [], errors);
        }
        foreach (var (id, value) in defined["processors"].Where(p => TypeOf(p.Key) == "tail_sampling"))
        {
            TailSamplingRules.Check(id, value as Dictionary<string, object?> ?? [], errors);
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

    /// <summary>
    /// Every traces pipeline that admits data from outside protects memory first. Every traces
    /// pipeline that exports to a backend sends sampled traces: it tail-samples, or receives only
    /// through connectors from pipelines that did, or it routes whole traces by trace ID to a
    /// sampling tier. Sampling before routing decides on fragments. A pipeline that only feeds
    /// connectors (RED metrics before sampling) needs no sampling.
    /// </summary>
    private static void CheckTracesPipelines(PipelineGraph graph, Dictionary<string, object?> exporters, List<string> errors)
    {
        var traces = graph.Pipelines.Where(p => TypeOf(p.Key) == "traces").ToList();
        if (traces.Count == 0)
        {
            errors.Add("service::pipelines: has no traces pipeline");
        }
        foreach (var (pipelineId, pipeline) in traces)
        {
            var where = $"service::pipelines::{pipelineId}";
            var processors = Strings(pipeline, "processors").Select(TypeOf).ToList();
            if (graph.AdmitsFromOutside(pipelineId) && (processors.Count == 0 || processors[0] != "memory_limiter"))
            {
                errors.Add($"{where}: memory_limiter must be the first processor (first is {(processors.Count == 0 ? "nothing" : $"\"{processors[0]}\"")}), or memory is not protected");
            }
            var routesByTrace = Strings(pipeline, "exporters").Any(id => TypeOf(id) is "loadbalancing" or "load_balancing"
                && (exporters.GetValueOrDefault(id) as Dictionary<string, object?>)?.GetValueOrDefault("routing_key") is null or "traceID");
            var tailSampling = processors.IndexOf("tail_sampling");
            if (routesByTrace && tailSampling >= 0)
            {
                errors.Add($"{where}: tail_sampling before a loadbalancing exporter decides on the fragment of each trace this instance received; sample in the tier behind it");
                continue;
            }
            if (routesByTrace || !graph.ExportsToBackend(pipelineId) || graph.ReceivesOnlySampled(pipelineId))
            {
                continue;
            }
            if (tailSampling < 0)
            {
                errors.Add($"{where}: has no tail_sampling processor and does not route by trace ID to a sampling tier; a sampling policy kept anywhere else (another parameter, another file) is never applied");
                continue;
            }
            var batch = processors.IndexOf("batch");
            if (batch >= 0 && batch < tailSampling)
            {
                errors.Add($"{where}: batch must come after tail_sampling, which regroups spans by trace and would undo the batching");
            }
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
}
