using Infra.Collector.Validation;
using Infra.Model;

namespace Infra.Tests.Collector.Validation;

/// <summary>Each component's accepted keys, as the validator applies them to a hand-written config.</summary>
public class AcceptedKeysTests
{
    [Fact]
    public void Validator_rejects_a_queue_on_the_awsxray_exporter_which_has_none()
    {
        var yaml = """
            receivers:
              otlp:
                protocols:
                  grpc:
                    endpoint: 0.0.0.0:4317
            processors:
              memory_limiter:
                check_interval: 1s
                limit_mib: 400
              tail_sampling:
                policies:
                  - name: errors
                    type: status_code
                    status_code:
                      status_codes: [ERROR]
            exporters:
              awsxray:
                region: eu-west-1
                sending_queue:
                  enabled: true
            service:
              pipelines:
                traces:
                  receivers: [otlp]
                  processors: [memory_limiter, tail_sampling]
                  exporters: [awsxray]
            """;
        var errors = CollectorConfigValidator.Validate(YamlTree.ParseMap(yaml));
        var error = Assert.Single(errors);
        Assert.StartsWith("exporters::awsxray: has invalid key \"sending_queue\" (accepted: aws_log_groups, endpoint, external_id,", error);
    }

    [Fact]
    public void Validator_accepts_a_decision_cache_and_an_otlp_http_exporter_batching_in_its_queue()
    {
        var yaml = """
            receivers:
              otlp:
                protocols:
                  grpc:
                    endpoint: 0.0.0.0:4317
            processors:
              memory_limiter:
                check_interval: 1s
                limit_mib: 400
                spike_limit_mib: 80
              tail_sampling:
                decision_wait: 10s
                num_traces: 50000
                decision_cache:
                  sampled_cache_size: 500000
                  non_sampled_cache_size: 500000
                policies:
                  - name: errors
                    type: status_code
                    status_code:
                      status_codes: [ERROR]
            exporters:
              otlp_http:
                traces_endpoint: https://xray.eu-west-1.amazonaws.com/v1/traces
                sending_queue:
                  batch:
                    flush_timeout: 200ms
            service:
              pipelines:
                traces:
                  receivers: [otlp]
                  processors: [memory_limiter, tail_sampling]
                  exporters: [otlp_http]
            """;
        Assert.Empty(CollectorConfigValidator.Validate(YamlTree.ParseMap(yaml)));
    }
}
