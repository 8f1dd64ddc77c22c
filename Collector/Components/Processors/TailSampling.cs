using static Infra.Collector.ConfigTree;

namespace Infra.Collector.Components.Processors;

/// <summary>
/// tail_sampling processor. Type: ecosystem-explorer registry contrib/v0.159.0/processor.yaml (no alias).
/// Keys: contrib processor/tailsamplingprocessor/config.go (v0.156.0). Rules: a decision wait the
/// collector accepts, room for the traces in flight, policies it can apply.
/// </summary>
public static class TailSampling
{
    public const string Type = "tail_sampling";

    public static readonly ComponentType Descriptor = new()
    {
        Kind = ComponentKind.Processor,
        Type = Type,
        Record = typeof(TailSamplingProcessor),
        AcceptedKeys = ComponentType.Keys(["decision_wait", "decision_wait_after_root_received", "num_traces", "block_on_overflow", "expected_new_traces_per_sec", "policies", "decision_cache", "tail_storage", "sample_on_first_match", "sampling_strategy", "drop_pending_traces_on_shutdown", "maximum_trace_size_bytes"]),
        Rules = Check,
    };

    private static void Check(string id, Dictionary<string, object?> settings, List<string> errors)
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
                case "boolean_attribute":
                    // A string "true" never matches a boolean attribute: the policy compares typed values.
                    if (block?.GetValueOrDefault("key") is not string { Length: > 0 } || block.GetValueOrDefault("value") is not bool)
                    {
                        errors.Add($"{where}: policy \"{name}\" boolean_attribute needs a key and a boolean value (true or false, not text)");
                    }
                    break;
            }
        }
    }
}

public sealed record TailSamplingProcessor(
    string DecisionWait,
    int NumTraces,
    int ExpectedNewTracesPerSec,
    DecisionCache DecisionCache,
    IReadOnlyList<SamplingPolicy> Policies);

/// <summary>Remembers decisions for traces no longer held, so a late span gets its trace's verdict.</summary>
public sealed record DecisionCache(
    int SampledCacheSize,
    int NonSampledCacheSize);

/// <summary>One tail-sampling policy; exactly one of the typed blocks matches <see cref="Type"/>.</summary>
public sealed record SamplingPolicy
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    public StatusCodePolicy? StatusCode { get; init; }
    public LatencyPolicy? Latency { get; init; }
    public ProbabilisticPolicy? Probabilistic { get; init; }
    public BooleanAttributePolicy? BooleanAttribute { get; init; }
}

/// <summary>Keeps a trace with a span whose attribute <paramref name="Key"/> is the boolean <paramref name="Value"/> (contrib tailsamplingprocessor config.go BooleanAttributeCfg: key, value, invert_match).</summary>
public sealed record BooleanAttributePolicy(
    string Key,
    bool Value);

public sealed record StatusCodePolicy(
    IReadOnlyList<string> StatusCodes);

public sealed record LatencyPolicy(
    int ThresholdMs);

public sealed record ProbabilisticPolicy(
    double SamplingPercentage);
