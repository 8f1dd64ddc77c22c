using Infra.Capacity;
using Infra.Collector;
using Infra.Collector.Validation;
using Infra.Model;
using Infra.Settings;

namespace Infra.Tests.Collector.Validation;

/// <summary>The validator's rules for the routing and sampling tiers, each failure with its exact message.</summary>
public class CollectorValidatorTests
{
    private static readonly string RouterYaml = CollectorYaml.Serialize(CollectorConfigFactory.Router(new SamplerDiscoveryNames("prod.otel-multicloud.internal", "sampler"), 1024, new BearerTokenIngress(["OTLP_INGRESS_TOKEN", "OTLP_INGRESS_TOKEN_PREVIOUS"])));

    private static readonly string SamplerYaml = CollectorYaml.Serialize(CollectorConfigFactory.Sampler(
        new CloudExport("eu-west-1", XrayOverOtlp: false, ExportQueue.InMemory), new TailSamplingSettings(5, 2000, 15, null, 1000), new TailSamplingSizing(15000, 500, 150000, 150000, NumTracesFitInMemory: true), 4096));

    private static IReadOnlyList<string> Errors(string yaml) => CollectorConfigValidator.Validate(YamlTree.ParseMap(yaml));

    private static string Replace(string yaml, string from, string to)
    {
        Assert.Contains(from, yaml);
        return yaml.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void The_router_and_sampler_configs_are_valid()
    {
        Assert.Empty(Errors(RouterYaml));
        Assert.Empty(Errors(SamplerYaml));
    }

    /// <summary>A hand-written config may still use the names the pinned build accepts with a warning; the same rules apply.</summary>
    [Fact]
    public void Deprecated_aliases_are_accepted_and_checked_like_their_canonical_types()
    {
        var router = Replace(RouterYaml, "load_balancing", "loadbalancing");
        Assert.Empty(Errors(router));
        Assert.Equal(["exporters::loadbalancing: resolver \"consul\" is unknown (known: static, dns, k8s, aws_cloud_map)"], Errors(Replace(router, "      aws_cloud_map:\n", "      consul:\n")));
        Assert.Empty(Errors(Replace(SamplerYaml, "azure_monitor", "azuremonitor")));
    }

    [Fact]
    public void An_unknown_type_is_refused_naming_the_known_ones_aliases_included()
    {
        var errors = Errors(Replace(Replace(SamplerYaml, "  azure_monitor:\n", "  azure_insights:\n"), "      - azure_monitor\n", "      - azure_insights\n"));
        Assert.Equal(["exporters::azure_insights: unknown type \"azure_insights\": otelcol-contrib 0.159.0 as pinned here has no such exporter (known: awsemf, awsxray, azure_monitor, azuremonitor, debug, load_balancing, loadbalancing, otlp, otlp_grpc, otlp_http, otlphttp)"], errors);
    }

    [Fact]
    public void An_unknown_resolver_key_is_refused()
    {
        var errors = Errors(Replace(RouterYaml, "        service_name: sampler\n", "        service_name: sampler\n        cluster: otel\n"));
        Assert.Equal(["exporters::load_balancing: resolver::aws_cloud_map has invalid key \"cluster\" (accepted: health_status, interval, namespace, owner_account, port, service_name, timeout)"], errors);
    }

    [Fact]
    public void Two_resolvers_are_refused()
    {
        var errors = Errors(Replace(RouterYaml, "    resolver:\n", "    resolver:\n      dns:\n        hostname: sampler.prod.otel-multicloud.internal\n"));
        Assert.Equal(["exporters::load_balancing: resolver must name exactly one of static, dns, k8s, aws_cloud_map (found dns, aws_cloud_map)"], errors);
    }

    [Fact]
    public void An_unknown_resolver_is_refused()
    {
        var errors = Errors(Replace(RouterYaml, "      aws_cloud_map:\n", "      consul:\n"));
        Assert.Equal(["exporters::load_balancing: resolver \"consul\" is unknown (known: static, dns, k8s, aws_cloud_map)"], errors);
    }

    [Fact]
    public void Cloud_map_needs_a_namespace_and_a_valid_health_filter()
    {
        var errors = Errors(Replace(Replace(RouterYaml, "        namespace: prod.otel-multicloud.internal\n", ""), "health_status: HEALTHY", "health_status: GREEN"));
        Assert.Equal(
            [
                "exporters::load_balancing: resolver::aws_cloud_map needs namespace",
                "exporters::load_balancing: resolver::aws_cloud_map health_status \"GREEN\" is not one of ALL, HEALTHY, HEALTHY_OR_ELSE_ALL, UNHEALTHY",
            ],
            errors);
    }

    [Fact]
    public void An_unknown_routing_key_is_refused()
    {
        var errors = Errors(Replace(RouterYaml, "routing_key: traceID", "routing_key: traceId"));
        Assert.Contains("exporters::load_balancing: routing_key \"traceId\" is not one of attributes, metric, resource, service, streamID, traceID", errors);
    }

    [Fact]
    public void Routing_by_service_does_not_keep_traces_whole_so_the_pipeline_must_sample_itself()
    {
        var errors = Errors(Replace(RouterYaml, "routing_key: traceID", "routing_key: service"));
        Assert.Equal(["service::pipelines::traces: has no tail_sampling processor and does not route by trace ID to a sampling tier; a sampling policy kept anywhere else (another parameter, another file) is never applied"], errors);
    }

    [Fact]
    public void An_otlp_client_key_the_exporter_lacks_is_refused()
    {
        var errors = Errors(Replace(RouterYaml, "        timeout: 2s\n        tls:", "        timeout: 2s\n        insecure: true\n        tls:"));
        Assert.Single(errors);
        Assert.StartsWith("exporters::load_balancing: protocol::otlp has invalid key \"insecure\" (accepted: ", errors[0]);
    }

    [Fact]
    public void Sampling_before_routing_is_refused()
    {
        var yaml = Replace(Replace(RouterYaml, "      - memory_limiter\n      exporters:", "      - memory_limiter\n      - tail_sampling\n      exporters:"),
            "\nprocessors:\n", "\nprocessors:\n  tail_sampling:\n    decision_wait: 10s\n    policies:\n    - name: all\n      type: always_sample\n");
        Assert.Equal(["service::pipelines::traces: tail_sampling before a load_balancing exporter decides on the fragment of each trace this instance received; sample in the tier behind it"], Errors(yaml));
    }

    [Fact]
    public void A_pipeline_naming_an_exporter_that_is_not_configured_is_refused()
    {
        var errors = Errors(Replace(SamplerYaml, "      - awsxray\n      - forward/azure\n", "      - awsxray\n      - forward/azure\n      - otlp/backup\n"));
        Assert.Equal(["service::pipelines::traces: references exporter \"otlp/backup\" which is not configured"], errors);
    }

    [Fact]
    public void Memory_limiter_must_come_first_in_every_traces_pipeline()
    {
        var errors = Errors(Replace(SamplerYaml, "      - memory_limiter\n      - tail_sampling\n", "      - tail_sampling\n      - memory_limiter\n"));
        Assert.Equal(["service::pipelines::traces: memory_limiter must be the first processor (first is \"tail_sampling\"), or memory is not protected"], errors);
    }

    [Fact]
    public void Ensure_valid_names_the_config_it_refuses()
    {
        var error = Assert.Throws<UserError>(() => CollectorConfigValidator.EnsureValid(Replace(RouterYaml, "routing_key: traceID", "routing_key: traceId"), "router"));
        Assert.StartsWith("The collector would reject the router config:\n- ", error.Message);
        Assert.Contains("\n- exporters::load_balancing: routing_key \"traceId\" is not one of", error.Message);
    }

    [Fact]
    public void A_pipeline_fed_only_through_a_connector_from_a_sampled_pipeline_is_sampled()
    {
        // The sampler's Azure-bound pipeline receives from forward/azure, which the sampled traces pipeline feeds.
        Assert.Contains("    traces/azure:\n      receivers:\n      - forward/azure\n", SamplerYaml);
        Assert.Empty(Errors(SamplerYaml));
    }

    [Fact]
    public void A_pipeline_fed_through_a_connector_from_an_unsampled_pipeline_must_sample()
    {
        var yaml = Replace(SamplerYaml, "      - memory_limiter\n      - tail_sampling\n      - batch\n", "      - memory_limiter\n      - batch\n");
        var errors = Errors(yaml.Replace("  tail_sampling:", "  tail_sampling/unused:", StringComparison.Ordinal));
        Assert.Contains("service::pipelines::traces: has no tail_sampling processor and does not route by trace ID to a sampling tier; a sampling policy kept anywhere else (another parameter, another file) is never applied", errors);
        Assert.Contains("service::pipelines::traces/azure: has no tail_sampling processor and does not route by trace ID to a sampling tier; a sampling policy kept anywhere else (another parameter, another file) is never applied", errors);
    }

    [Fact]
    public void A_connector_needs_a_pipeline_on_each_side()
    {
        var yaml = Replace(SamplerYaml, "    traces/azure:\n      receivers:\n      - forward/azure\n      processors:\n      - transform/azure_mapping\n      exporters:\n      - azure_monitor\n", "");
        var errors = Errors(yaml);
        Assert.Contains("connectors::forward/azure: is an exporter of traces but no pipeline receives from it", errors);
        Assert.Contains("exporters::azure_monitor: is configured but not used by any pipeline", errors);
        Assert.Contains("processors::transform/azure_mapping: is configured but not used by any pipeline", errors);
    }

    [Fact]
    public void A_traces_pipeline_that_only_feeds_a_connector_needs_no_sampling()
    {
        // RED metrics before sampling: every span reaches span_metrics, none reaches a backend unsampled.
        var yaml = Replace(Replace(RouterYaml,
            "\nservice:\n", "\nconnectors:\n  forward/red: {}\nservice:\n"),
            "  telemetry:\n", "    traces/red:\n      receivers:\n      - otlp\n      processors:\n      - memory_limiter\n      exporters:\n      - forward/red\n    traces/red-out:\n      receivers:\n      - forward/red\n      exporters:\n      - load_balancing\n  telemetry:\n");
        Assert.Empty(Errors(yaml));
    }
}
