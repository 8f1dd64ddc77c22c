using System.Globalization;
using System.Text.Json;
using Infra.Cost.Billing;

namespace Infra.Tests.Cost.Billing;

/// <summary>
/// Bytes per span as each backend bills them, derived from the spans the tracing kit's end-to-end test captures on the
/// wire; the derivation in docs/capacity-and-cost.md is held to what the code computes.
/// </summary>
public class BilledSpanBytesTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "docs", "capacity-and-cost.md"));

    private static MeasuredSpan Span(string kind) => MeasuredSpans.All.Single(span => span.Kind == kind);

    [Fact]
    public void The_measured_spans_carry_the_attributes_the_end_to_end_test_captured_on_the_wire()
    {
        using var fixture = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "tests", "fixtures", "dotnet-http-span-attributes.json")));
        var captured = fixture.RootElement.EnumerateObject().ToDictionary(
            kind => kind.Name,
            kind => kind.Value.EnumerateObject().ToDictionary(a => a.Name, a => a.Value.ValueKind == JsonValueKind.Number ? (object)a.Value.GetInt64() : a.Value.GetString()!));

        Assert.Equal(captured.Keys.Order(), MeasuredSpans.All.Select(span => span.Kind).Order());
        Assert.All(MeasuredSpans.All, span => Assert.Equal(captured[span.Kind], span.Attributes));
    }

    [Fact]
    public void The_measured_spans_carry_the_kits_resource()
    {
        var kit = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "instrumentation", "Multicloud.Tracing", "TracingResource.cs"));
        var kitKeys = System.Text.RegularExpressions.Regex.Matches(kit, "new\\(\"([a-z.]+)\"").Select(m => m.Groups[1].Value);

        Assert.All(kitKeys, key => Assert.Contains(key, MeasuredSpans.Resource.Keys));
    }

    [Fact]
    public void Otlp_size_is_the_protobuf_encoding_of_the_span_in_its_batch()
    {
        // trace_id 1+1+16, span_id 1+1+8, parent 1+1+8, flags 2+4, name "GET" 1+1+3, kind 1+1, times 2 x (1+8): 69 bytes; in ScopeSpans 1+1+69.
        var bare = new MeasuredSpan("SPAN_KIND_CLIENT", "GET", "s", new string('0', 32), new string('0', 16), new string('0', 16), 1, 2,
            new Dictionary<string, object>(), new Dictionary<string, string>());
        Assert.Equal(71, OtlpSpanSize.Of(bare));

        // One attribute "a" = "b": KeyValue { key 1+1+1, value AnyValue { 1+1+1 } as 1+1+3 } = 8, as field 9: 1+1+8 = 10.
        Assert.Equal(81, OtlpSpanSize.Of(bare with { Attributes = new Dictionary<string, object> { ["a"] = "b" } }));
        // An integer: AnyValue { int_value 1 + varint(41347) 3 } = 4, wrapped 1+1+4; key "p" 3: KeyValue 9, as field 9: 11.
        Assert.Equal(82, OtlpSpanSize.Of(bare with { Attributes = new Dictionary<string, object> { ["p"] = 41347L } }));
    }

    [Fact]
    public void The_azure_envelope_is_what_the_exporter_builds_after_the_collectors_transform()
    {
        using var client = JsonDocument.Parse(AzureEnvelope.Json(Span(MeasuredSpans.Client)));
        var data = client.RootElement.GetProperty("data");
        var baseData = data.GetProperty("baseData");

        Assert.Equal("Microsoft.ApplicationInsights.RemoteDependency", client.RootElement.GetProperty("name").GetString());
        Assert.Equal("RemoteDependencyData", data.GetProperty("baseType").GetString());
        // The transform copies url.full's path into http.route, so the dependency is named by method and path.
        Assert.Equal("POST /api/ingest", baseData.GetProperty("name").GetString());
        Assert.Equal("/api/ingest", baseData.GetProperty("properties").GetProperty("http.route").GetString());
        Assert.Equal("127.0.0.1:41347", baseData.GetProperty("target").GetString());
        Assert.Equal("aws-edge", baseData.GetProperty("properties").GetProperty("service.name").GetString());
        Assert.Equal(200, baseData.GetProperty("measurements").GetProperty("http.response.status_code").GetInt64());
        Assert.Equal("aws-edge", client.RootElement.GetProperty("tags").GetProperty("ai.cloud.role").GetString());

        using var server = JsonDocument.Parse(AzureEnvelope.Json(Span(MeasuredSpans.Server)));
        var request = server.RootElement.GetProperty("data").GetProperty("baseData");
        Assert.Equal("POST /api/orders", request.GetProperty("name").GetString());
        Assert.Equal("http://127.0.0.1:32817/api/orders", request.GetProperty("url").GetString());
        Assert.Equal("00.00:00:00.012345", request.GetProperty("duration").GetString());
    }

    [Fact]
    public void The_aws_spans_event_carries_the_span_its_resource_and_its_attributes_as_maps()
    {
        using var record = JsonDocument.Parse(SpanLogRecord.Json(Span(MeasuredSpans.Server)));
        var root = record.RootElement;

        Assert.Equal("SERVER", root.GetProperty("kind").GetString());
        Assert.Equal("aws-edge", root.GetProperty("resource").GetProperty("attributes").GetProperty("service.name").GetString());
        Assert.Equal(32817, root.GetProperty("attributes").GetProperty("server.port").GetInt64());
        Assert.Equal(12_345_400, root.GetProperty("durationNano").GetInt64());
    }

    [Fact]
    public void The_measured_records_and_their_growth_are_the_figures_the_doc_derives()
    {
        // Server, client: OTLP 315, 274 (bare 84, 72); aws/spans 863, 820 (bare 649, 631); envelope 1,166, 1,170 (bare 920, 892).
        Assert.Equal([315, 274], MeasuredSpans.All.Select(OtlpSpanSize.Of));
        Assert.Equal([863, 820], MeasuredSpans.All.Select(SpanLogRecord.Bytes));
        Assert.Equal([1166, 1170], MeasuredSpans.All.Select(AzureEnvelope.Bytes));
        Assert.Equal(new RecordGrowth(640, 78, (841.5 - 640) / (294.5 - 78), 841.5, 294.5), BilledSpanBytes.AwsSpans);
        Assert.Equal(new RecordGrowth(906, 78, (1168 - 906) / (294.5 - 78), 1168, 294.5), BilledSpanBytes.Azure);

        var at600 = BilledSpanBytes.For(600);
        Assert.Equal(640 + (600 - 78) * 201.5 / 216.5, at600.AwsSpansRecord, 9);
        Assert.Equal(906 + (600 - 78) * 262 / 216.5, at600.AzureEnvelope, 9);
        Assert.Equal(at600.AzureEnvelope * 0.75, at600.AzureBilled, 9);

        foreach (var figure in new[] { "294.5", "841.5", "1,168", "640", "906", "78", N(BilledSpanBytes.AwsSpans.BytesPerAttributeWireByte), N(BilledSpanBytes.Azure.BytesPerAttributeWireByte),
            N(at600.AwsSpansRecord), N(at600.AzureEnvelope), N(at600.AzureBilled) })
        {
            Assert.Contains(figure, Doc);
        }
    }

    [Fact]
    public void The_readme_gives_the_same_bytes_per_span_at_600_bytes()
    {
        var readme = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "README.md")).Replace("\n  ", " ", StringComparison.Ordinal);
        var at600 = BilledSpanBytes.For(600);
        static string Whole(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

        Assert.Contains($"`averageSpanBytes` = 600, an `aws/spans` event is about {Whole(at600.AwsSpansRecord)} bytes, an Application Insights "
            + $"envelope {Whole(at600.AzureEnvelope)} bytes, billed by Log Analytics at 75% ({Whole(at600.AzureBilled)} bytes).", readme);
    }

    [Fact]
    public void A_span_smaller_than_the_bare_measured_one_costs_the_fixed_part_and_larger_spans_grow_the_records()
    {
        Assert.Equal(BilledSpanBytes.AwsSpans.FixedBytes, BilledSpanBytes.For(50).AwsSpansRecord);
        Assert.True(BilledSpanBytes.For(2_000).AzureBilled > BilledSpanBytes.For(600).AzureBilled);
    }

    private static string N(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
