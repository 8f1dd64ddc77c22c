using Infra.Collector.Components.Connectors;
using Infra.Collector.Components.Exporters;
using Infra.Collector.Components.Extensions;
using Infra.Collector.Components.Processors;
using Infra.Collector.Components.Receivers;

namespace Infra.Collector.Components;

/// <summary>
/// Every component type the validator and the inventory know: the ones the factory writes and a few
/// a hand-written config may use. A type not here makes the validator refuse the config, as the
/// collector would refuse a type its build lacks.
/// </summary>
public static class ComponentRegistry
{
    // The descriptors themselves; no descriptor's initialiser reads another static of its own class,
    // so the order of declarations in a file never matters.
    public static IReadOnlyList<ComponentType> All { get; } =
    [
        Otlp.Descriptor,
        Prometheus.Descriptor,
        MemoryLimiter.Descriptor,
        TailSampling.Descriptor,
        Batch.Descriptor,
        Transform.Descriptor,
        AwsXray.Descriptor,
        AzureMonitor.Descriptor,
        LoadBalancing.Descriptor,
        OtlpGrpc.Descriptor,
        OtlpHttp.Descriptor,
        AwsEmf.Descriptor,
        Debug.Descriptor,
        Forward.Descriptor,
        SpanMetrics.Descriptor,
        HealthCheck.Descriptor,
        SigV4Auth.Descriptor,
        BearerTokenAuth.Descriptor,
        FileStorage.Descriptor,
    ];

    /// <summary>The component of that kind named <paramref name="type"/>, canonically or by its alias; null if the build has none.</summary>
    public static ComponentType? Find(ComponentKind kind, string type) => All.FirstOrDefault(component => component.Kind == kind && component.Names(type));

    public static IEnumerable<ComponentType> OfKind(ComponentKind kind) => All.Where(component => component.Kind == kind);
}
