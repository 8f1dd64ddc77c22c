using Infra.Collector;
using Infra.Collector.Validation;
using Infra.Model;

namespace Infra.Tests.Collector;

/// <summary>
/// The verify canary is kept by tail sampling whatever the other policies say, and nothing else is kept because of
/// it. The collector is not here to run, so the policies are applied with their documented semantics (contrib
/// tailsamplingprocessor README: a trace is sampled when any policy samples it) to the rendered config's own policy list.
/// </summary>
public class CanaryPolicyTests
{
    /// <summary>What a trace shows the policies: an error span, its duration, whether the probabilistic hash picks it, its boolean span attributes.</summary>
    private sealed record Trace(bool HasError, int DurationMs, bool PickedByProbabilistic, IReadOnlyDictionary<string, bool> BooleanAttributes);

    private static List<Dictionary<string, object?>> Policies(string stack, string tier)
    {
        var yaml = (string)TestSupport.Evaluate(stack).Resources[$"{tier}-otel-config"].Inputs["insecureValue"]!;
        var sampling = (Dictionary<string, object?>)((Dictionary<string, object?>)YamlTree.ParseMap(yaml)["processors"]!)["tail_sampling"]!;
        return [.. ((List<object?>)sampling["policies"]!).Cast<Dictionary<string, object?>>()];
    }

    private static bool Samples(Dictionary<string, object?> policy, Trace trace)
    {
        var type = (string)policy["type"]!;
        var block = (Dictionary<string, object?>)policy[type]!;
        return type switch
        {
            "status_code" => trace.HasError && ((List<object?>)block["status_codes"]!).Contains("ERROR"),
            "latency" => trace.DurationMs >= Convert.ToInt64(block["threshold_ms"], System.Globalization.CultureInfo.InvariantCulture),
            "probabilistic" => trace.PickedByProbabilistic,
            "boolean_attribute" => trace.BooleanAttributes.TryGetValue((string)block["key"]!, out var value) && value == (bool)block["value"]!,
            _ => throw new InvalidOperationException($"no semantics written for policy type {type}"),
        };
    }

    private static bool Kept(IEnumerable<Dictionary<string, object?>> policies, Trace trace) => policies.Any(policy => Samples(policy, trace));

    private static readonly Trace Ordinary = new(HasError: false, DurationMs: 120, PickedByProbabilistic: false, new Dictionary<string, bool>());

    [Theory]
    [InlineData("prod", "sampler")]
    [InlineData("dev", "collector")]
    public void The_canary_is_kept_even_when_no_other_policy_would_keep_it(string stack, string tier)
    {
        var policies = Policies(stack, tier);
        var canary = Ordinary with { BooleanAttributes = new Dictionary<string, bool> { [Infra.Collector.Canary.Attribute] = true } };

        Assert.False(Kept(policies.Where(p => (string)p["name"]! != Infra.Collector.Canary.PolicyName), canary));
        Assert.True(Kept(policies, canary));
    }

    [Theory]
    [InlineData("prod", "sampler")]
    [InlineData("dev", "collector")]
    public void A_trace_dropped_before_the_canary_policy_is_dropped_with_it(string stack, string tier)
    {
        var policies = Policies(stack, tier);
        var without = policies.Where(p => (string)p["name"]! != Infra.Collector.Canary.PolicyName).ToList();
        Trace[] others =
        [
            Ordinary,
            Ordinary with { BooleanAttributes = new Dictionary<string, bool> { [Infra.Collector.Canary.Attribute] = false } },
            Ordinary with { BooleanAttributes = new Dictionary<string, bool> { ["multicloud.other"] = true } },
        ];

        Assert.All(others, trace => Assert.Equal(Kept(without, trace), Kept(policies, trace)));
        Assert.All(others, trace => Assert.False(Kept(policies, trace)));
        Assert.True(Kept(policies, Ordinary with { HasError = true }));
    }

    [Fact]
    public void A_canary_policy_with_text_for_its_value_is_refused()
    {
        var yaml = (string)TestSupport.Evaluate("dev").Resources["collector-otel-config"].Inputs["insecureValue"]!;
        var broken = System.Text.RegularExpressions.Regex.Replace(yaml, @"(key: multicloud\.canary\n\s+)value: true", "$1value: \"true\"");
        Assert.NotEqual(yaml, broken);

        Assert.Contains("processors::tail_sampling: policy \"keep-canary\" boolean_attribute needs a key and a boolean value (true or false, not text)", CollectorConfigValidator.Validate(YamlTree.ParseMap(broken)));
    }

    [Fact]
    public void The_synth_and_the_verify_tool_name_the_same_attribute_and_metric()
    {
        var verify = Path.Combine(TestSupport.RepoRoot, "instrumentation", "verify");
        var attribute = File.ReadAllText(Path.Combine(verify, "CanaryAttribute.cs"));
        var metrics = File.ReadAllText(Path.Combine(verify, "VerifyMetrics.cs"));

        Assert.Contains($"Key = \"{Infra.Collector.Canary.Attribute}\"", attribute);
        Assert.Contains($"Namespace = \"{Infra.Components.Monitoring.VerifyMetric.Namespace}\"", metrics);
        Assert.Contains($"CrossCloudTraceSeen = \"{Infra.Components.Monitoring.VerifyMetric.CrossCloudTraceSeen}\"", metrics);
        Assert.Contains($"StackDimension = \"{Infra.Components.Monitoring.VerifyMetric.StackDimension}\"", metrics);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Each_stack_alarms_when_the_canary_stops_seeing_its_trace_or_stops_running(string stack)
    {
        var alarm = TestSupport.Evaluate(stack).Resources["canary-trace-not-seen-alarm"];

        Assert.Equal(("OtelMulticloud/Verify", "CrossCloudTraceSeen", "breaching"), ((string)alarm.Inputs["namespace"]!, (string)alarm.Inputs["metricName"]!, (string)alarm.Inputs["treatMissingData"]!));
        Assert.Equal(new Dictionary<string, object?> { ["Stack"] = stack }, alarm.Inputs["dimensions"]);
        Assert.Equal(("LessThanThreshold", 1L), ((string)alarm.Inputs["comparisonOperator"]!, Convert.ToInt64(alarm.Inputs["threshold"], System.Globalization.CultureInfo.InvariantCulture)));
    }
}
