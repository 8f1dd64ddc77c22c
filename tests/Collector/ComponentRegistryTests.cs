using Infra.Collector;
using Infra.Collector.Components;
using Infra.Collector.Components.Exporters;
using Infra.Collector.Components.Processors;
using Infra.Collector.Components.Receivers;
using Infra.Model;
using static Infra.Collector.Components.ComponentKind;

namespace Infra.Tests.Collector;

/// <summary>The component types of the pinned build: their names, aliases and keys, and what the factory writes of them.</summary>
public class ComponentRegistryTests
{
    // Collector core docs/rfcs/batching-migration.md plans batch out of the default distribution at v0.166.0.
    private const int BatchRemovedFromDistributionMinor = 166;

    /// <summary>
    /// otelcol-contrib 0.159.0's names (<c>type</c>, <c>deprecated_type</c>): core metadata.yaml files at tag
    /// v0.159.0 and the ecosystem-explorer registry's collector/contrib/v0.159.0/*.yaml, built from contrib's metadata.yaml.
    /// </summary>
    private static readonly (ComponentKind Kind, string Type, string? Alias)[] PinnedRelease =
    [
        (Receiver, "otlp", null),
        (Receiver, "prometheus", null),
        (Processor, "memory_limiter", null),
        (Processor, "tail_sampling", null),
        (Processor, "batch", null),
        (Processor, "transform", null),
        (Exporter, "awsxray", null),
        (Exporter, "azure_monitor", "azuremonitor"),
        (Exporter, "load_balancing", "loadbalancing"),
        (Exporter, "otlp_grpc", "otlp"),
        (Exporter, "otlp_http", "otlphttp"),
        (Exporter, "awsemf", null),
        (Exporter, "debug", null),
        (Extension, "health_check", null),
        (Extension, "sigv4auth", null),
        (Extension, "bearertokenauth", null),
        (Extension, "file_storage", null),
        (Connector, "forward", null),
        (Connector, "span_metrics", "spanmetrics"),
    ];

    [Fact]
    public void Every_type_has_the_name_and_alias_of_the_pinned_release()
    {
        Assert.Equal(
            PinnedRelease.Order(),
            ComponentRegistry.All.Select(component => (component.Kind, component.Type, (string?)component.DeprecatedAlias)).Order());
    }

    [Theory]
    [InlineData(Exporter, "otlp", "otlp_grpc")]
    [InlineData(Exporter, "otlphttp", "otlp_http")]
    [InlineData(Exporter, "loadbalancing", "load_balancing")]
    [InlineData(Exporter, "azuremonitor", "azure_monitor")]
    [InlineData(Connector, "spanmetrics", "span_metrics")]
    public void A_deprecated_alias_is_the_same_component_as_its_canonical_type(ComponentKind kind, string alias, string canonical)
    {
        var component = ComponentRegistry.Find(kind, canonical);
        Assert.NotNull(component);
        Assert.Same(component, ComponentRegistry.Find(kind, alias));
    }

    [Fact]
    public void The_otlp_receiver_keeps_its_name_while_otlp_is_the_grpc_exporters_old_one()
    {
        Assert.Same(Otlp.Descriptor, ComponentRegistry.Find(Receiver, "otlp"));
        Assert.Same(OtlpGrpc.Descriptor, ComponentRegistry.Find(Exporter, "otlp"));
        Assert.Null(ComponentRegistry.Find(Processor, "otlp"));
    }

    [Fact]
    public void No_two_components_of_a_kind_answer_to_the_same_name()
    {
        var names = ComponentRegistry.All.SelectMany(component => new[] { component.Type, component.DeprecatedAlias }.OfType<string>().Select(name => (component.Kind, name)));
        Assert.Empty(names.GroupBy(name => name).Where(group => group.Count() > 1).Select(group => group.Key));
    }

    [Fact]
    public void Every_key_a_record_can_render_is_one_its_component_accepts()
    {
        foreach (var component in ComponentRegistry.All.Where(component => component.Record is not null))
        {
            var unknown = component.WrittenKeys.Where(key => !component.AcceptedKeys.Contains(key)).ToList();
            Assert.True(unknown.Count == 0, $"{component.Type}: {component.Record!.Name} can render {string.Join(", ", unknown)}, which the component does not accept");
        }
        // The derivation itself: the record's properties under the collector's names.
        Assert.Equal(["routing_key", "protocol", "resolver", "sending_queue", "timeout", "retry_on_failure"], LoadBalancing.Descriptor.WrittenKeys);
    }

    [Fact]
    public void Every_key_the_load_balancing_records_can_render_below_the_top_level_is_accepted()
    {
        static IEnumerable<string> Keys(Type record) => DeclaredProperties.Of(record).Select(TreeConvention.CollectorConfig.KeyOf);

        Assert.Subset(LoadBalancing.OtlpKeys.ToHashSet(), Keys(typeof(OtlpClient)).ToHashSet());
        Assert.Subset(LoadBalancing.Resolvers.Keys.ToHashSet(), Keys(typeof(LoadBalancingResolver)).ToHashSet());
        Assert.Subset(LoadBalancing.Resolvers["aws_cloud_map"].ToHashSet(), Keys(typeof(AwsCloudMapResolver)).ToHashSet());
        Assert.Subset(LoadBalancing.Resolvers["dns"].ToHashSet(), Keys(typeof(DnsResolver)).ToHashSet());
    }

    public static TheoryData<string> Stacks => new(TestSupport.StackNames);

    /// <summary>The build logs a warning at every start for each alias it meets; the factory writes canonical names only.</summary>
    [Theory]
    [MemberData(nameof(Stacks))]
    public void No_rendered_tier_config_uses_a_deprecated_alias(string stack)
    {
        var configs = TestSupport.Evaluate(stack).OfType("aws:ssm:Parameter")
            .Where(p => ((string)p.Inputs["name"]!).EndsWith("/otel-collector-config", StringComparison.Ordinal))
            .Select(p => YamlTree.ParseMap((string)p.Inputs["insecureValue"]!)).ToList();
        Assert.NotEmpty(configs);
        foreach (var config in configs)
        {
            foreach (var kind in ComponentKinds.All)
            {
                foreach (var id in ((Dictionary<string, object?>?)config.GetValueOrDefault(kind.Section()) ?? []).Keys)
                {
                    var type = id.Split('/')[0];
                    Assert.Equal(ComponentRegistry.Find(kind, type)?.Type, type);
                }
            }
        }
    }

    [Fact]
    public void Batch_processor_is_only_offered_while_the_pinned_build_still_ships_it()
    {
        var minor = int.Parse(CollectorDistribution.Version.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture);
        if (ComponentRegistry.Find(Processor, Batch.Type) is not null)
        {
            Assert.True(minor < BatchRemovedFromDistributionMinor,
                $"otelcol-contrib {CollectorDistribution.Version} may no longer ship the batch processor: batch in sending_queue instead");
        }
    }
}
