using Infra.Collector;
using Infra.Collector.Validation;
using Infra.Model;

namespace Infra.Tests.Collector.Validation;

/// <summary>
/// A router that routes whole traces must re-route around a lost sampler: each way to lose that is refused with the
/// exporter, the key and the fix (contrib exporter/loadbalancingexporter README, "Resiliency"; #35378).
/// </summary>
public class ReRoutingRulesTests
{
    private static readonly string RouterYaml = CollectorYaml.Serialize(CollectorConfigFactory.Router(new SamplerDiscoveryNames("prod.otel-multicloud.internal", "sampler"), 1024, ingressAuth: null));

    private static IReadOnlyList<string> Errors(string yaml) => CollectorConfigValidator.Validate(YamlTree.ParseMap(yaml));

    private static string Replace(string from, string to)
    {
        Assert.Contains(from, RouterYaml);
        return RouterYaml.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void The_factorys_router_re_routes()
    {
        Assert.Empty(Errors(RouterYaml));
    }

    [Fact]
    public void A_router_without_a_top_level_retry_drops_a_lost_backends_part()
    {
        var yaml = Replace("    retry_on_failure:\n      enabled: true\n", "    retry_on_failure:\n      enabled: false\n");

        Assert.Equal(
            ["exporters::load_balancing: has no top-level retry_on_failure (enabled: true); the part of a batch for a lost backend is then dropped instead of re-routed to a live one after the ring is re-resolved"],
            Errors(yaml));
    }

    [Fact]
    public void A_router_without_its_top_level_queue_loses_what_was_queued_per_backend()
    {
        var yaml = Replace("    sending_queue:\n      enabled: true\n", "    sending_queue:\n      enabled: false\n");

        Assert.Equal(
            ["exporters::load_balancing: sending_queue is disabled at the top level; data queued per backend is lost when the backend set changes (contrib #35378): keep the top-level queue"],
            Errors(yaml));
    }

    [Fact]
    public void A_per_backend_retry_holds_each_batch_on_the_dead_backend()
    {
        var yaml = Replace("        retry_on_failure:\n          enabled: false\n", "        retry_on_failure:\n          enabled: true\n");

        Assert.Equal(
            ["exporters::load_balancing: protocol::otlp::retry_on_failure is enabled; each batch part for a dead backend is retried there before the top-level retry can re-route it: disable it"],
            Errors(yaml));
    }

    [Fact]
    public void A_backend_timeout_at_the_resolver_interval_stalls_every_batch_for_a_refresh()
    {
        var yaml = Replace("        timeout: 2s\n", "        timeout: 5s\n");

        Assert.Equal(
            ["exporters::load_balancing: protocol::otlp::timeout 5s is not below resolver::aws_cloud_map::interval 5s; a dead backend would hold every batch for a whole refresh"],
            Errors(yaml));
    }

    [Fact]
    public void Routing_by_service_needs_no_re_routing()
    {
        var yaml = Replace("    routing_key: traceID\n", "    routing_key: service\n").Replace("    retry_on_failure:\n      enabled: true\n", "    retry_on_failure:\n      enabled: false\n", StringComparison.Ordinal);

        Assert.DoesNotContain(Errors(yaml), error => error.Contains("retry_on_failure", StringComparison.Ordinal));
    }
}
