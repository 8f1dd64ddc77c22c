using System.Globalization;
using Infra.Collector.Components;
using Infra.Collector.Components.Exporters;
using Infra.Collector.Components.Processors;
using Infra.Model;
using Infra.Settings;
using static Infra.Collector.ConfigTree;

namespace Infra.Collector.Validation;

/// <summary>
/// Checks a collector config as the collector reads it (the rendered YAML, not the model), so the
/// same rules catch a hand-written config: each component's type and keys against the
/// <see cref="ComponentRegistry"/> (canonical names and deprecated aliases alike), the service's
/// references and pipelines, and each component type's own rules. Messages name the component, the
/// key and why, in the collector's own <c>section::name</c> style.
/// </summary>
public static class CollectorConfigValidator
{
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
        var defined = ComponentKinds.All.ToDictionary(kind => kind, kind => Section(config, kind.Section()));
        foreach (var kind in ComponentKinds.All)
        {
            CheckTypesAndKeys(kind, defined[kind], errors);
        }

        var service = Map(config, "service");
        var serviceExtensions = Strings(service, "extensions");
        var pipelines = Map(service, "pipelines");
        var used = ComponentKinds.All.ToDictionary(kind => kind, _ => new HashSet<string>(StringComparer.Ordinal));

        foreach (var id in serviceExtensions)
        {
            used[ComponentKind.Extension].Add(id);
            if (!defined[ComponentKind.Extension].ContainsKey(id))
            {
                errors.Add($"service::extensions: references extension \"{id}\" which is not configured");
            }
        }
        foreach (var (pipelineId, value) in pipelines)
        {
            var pipeline = value as Dictionary<string, object?> ?? [];
            foreach (var kind in new[] { ComponentKind.Receiver, ComponentKind.Processor, ComponentKind.Exporter })
            {
                foreach (var id in Strings(pipeline, kind.Section()))
                {
                    // A connector stands as an exporter of one pipeline and a receiver of another.
                    var asConnector = kind != ComponentKind.Processor && defined[ComponentKind.Connector].ContainsKey(id);
                    used[asConnector ? ComponentKind.Connector : kind].Add(id);
                    if (!asConnector && !defined[kind].ContainsKey(id))
                    {
                        errors.Add($"service::pipelines::{pipelineId}: references {kind.Singular()} \"{id}\" which is not configured");
                    }
                }
            }
        }
        foreach (var kind in ComponentKinds.All)
        {
            foreach (var id in defined[kind].Keys.Where(id => !used[kind].Contains(id)))
            {
                errors.Add(kind == ComponentKind.Extension
                    ? $"extensions::{id}: is configured but not listed in service::extensions"
                    : $"{kind.Section()}::{id}: is configured but not used by any pipeline");
            }
        }
        var graph = new PipelineGraph(pipelines, defined[ComponentKind.Connector].Keys);
        graph.CheckConnectorsHaveBothEnds(errors);

        CheckTracesPipelines(graph, defined[ComponentKind.Exporter], errors);
        CheckPorts(defined[ComponentKind.Receiver], errors);
        ServerAuthRules.Check(defined[ComponentKind.Receiver], defined[ComponentKind.Extension], serviceExtensions, errors);
        foreach (var kind in ComponentKinds.All)
        {
            foreach (var (id, value) in defined[kind])
            {
                ComponentRegistry.Find(kind, TypeOf(id))?.Rules?.Invoke(id, value as Dictionary<string, object?> ?? [], errors);
            }
        }
        return errors;
    }

    private static void CheckTypesAndKeys(ComponentKind kind, Dictionary<string, object?> components, List<string> errors)
    {
        foreach (var (id, value) in components)
        {
            var type = TypeOf(id);
            if (ComponentRegistry.Find(kind, type) is not { } component)
            {
                var known = ComponentRegistry.OfKind(kind).SelectMany(c => new[] { c.Type, c.DeprecatedAlias }).OfType<string>().Order(StringComparer.Ordinal);
                errors.Add($"{kind.Section()}::{id}: unknown type \"{type}\": otelcol-contrib {CollectorDistribution.Version} as pinned here has no such {kind.Singular()} (known: {string.Join(", ", known)})");
                continue;
            }
            foreach (var key in (value as Dictionary<string, object?> ?? []).Keys.Where(key => !component.AcceptedKeys.Contains(key)))
            {
                errors.Add($"{kind.Section()}::{id}: has invalid key \"{key}\" (accepted: {string.Join(", ", component.AcceptedKeys.Order(StringComparer.Ordinal))})");
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
            var processors = Strings(pipeline, "processors");
            if (graph.AdmitsFromOutside(pipelineId) && (processors.Count == 0 || !MemoryLimiter.Descriptor.IsTypeOf(processors[0])))
            {
                errors.Add($"{where}: {MemoryLimiter.Type} must be the first processor (first is {(processors.Count == 0 ? "nothing" : $"\"{TypeOf(processors[0])}\"")}), or memory is not protected");
            }
            var routesByTrace = Strings(pipeline, "exporters").Any(id => LoadBalancing.Descriptor.IsTypeOf(id)
                && (exporters.GetValueOrDefault(id) as Dictionary<string, object?>)?.GetValueOrDefault("routing_key") is null or "traceID");
            var tailSampling = processors.FindIndex(TailSampling.Descriptor.IsTypeOf);
            if (routesByTrace && tailSampling >= 0)
            {
                errors.Add($"{where}: {TailSampling.Type} before a {LoadBalancing.Type} exporter decides on the fragment of each trace this instance received; sample in the tier behind it");
                continue;
            }
            if (routesByTrace || !graph.ExportsToBackend(pipelineId) || graph.ReceivesOnlySampled(pipelineId))
            {
                continue;
            }
            if (tailSampling < 0)
            {
                errors.Add($"{where}: has no {TailSampling.Type} processor and does not route by trace ID to a sampling tier; a sampling policy kept anywhere else (another parameter, another file) is never applied");
                continue;
            }
            var batch = processors.FindIndex(Batch.Descriptor.IsTypeOf);
            if (batch >= 0 && batch < tailSampling)
            {
                errors.Add($"{where}: {Batch.Type} must come after {TailSampling.Type}, which regroups spans by trace and would undo the batching");
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
