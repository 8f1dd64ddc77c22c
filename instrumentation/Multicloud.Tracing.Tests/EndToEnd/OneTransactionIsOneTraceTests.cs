using System.Globalization;
using Multicloud.Tracing.Tests.Otlp;
using OpenTelemetry.Proto.Trace.V1;
using StatusCode = OpenTelemetry.Proto.Trace.V1.Status.Types.StatusCode;

namespace Multicloud.Tracing.Tests.EndToEnd;

/// <summary>
/// The AWS edge sample calls the Azure ingest sample on loopback; both use the kit and export to an OTLP receiver
/// that decodes the real protobuf requests. What arrives must be one trace per transaction.
/// </summary>
[Collection(DefaultSamplingCollection.Name)]
public sealed class OneTransactionIsOneTraceTests(TransactionFixture fixture)
{
    [Fact]
    public void The_edge_server_span_its_client_span_and_the_ingest_span_are_one_trace_with_the_right_parents()
    {
        Assert.Equal(200, fixture.Ordinary.Status);
        var (edgeServer, edgeClient, ingestServer) = HopsOf(fixture.Ordinary);

        Assert.Equal(3, fixture.TraceOf(fixture.Ordinary).Count);
        Assert.Equal("", edgeServer.ParentSpanId.TrimStart('0'));
        Assert.Equal(edgeServer.SpanId, edgeClient.ParentSpanId);
        Assert.Equal(edgeClient.SpanId, ingestServer.ParentSpanId);
        Assert.Equal("POST /api/orders", edgeServer.Span.Name);
        Assert.Equal("POST /api/ingest", ingestServer.Span.Name);
    }

    [Fact]
    public void A_trace_started_at_the_edge_has_an_xray_id_whose_first_8_hex_digits_are_the_unix_time()
    {
        foreach (var transaction in new[] { fixture.Ordinary, fixture.Failing, fixture.Slow })
        {
            var seconds = long.Parse(transaction.TraceId[..8], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var started = DateTimeOffset.FromUnixTimeSeconds(seconds);
            Assert.InRange(started, fixture.StartedAt.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(2));
        }
    }

    [Fact]
    public void The_call_to_ingest_carries_traceparent_of_the_edge_client_span_and_no_xray_header()
    {
        var (_, edgeClient, _) = HopsOf(fixture.Ordinary);
        var sent = fixture.Wire.Requests.Single(headers => headers.TryGetValue("traceparent", out var value) && value.Contains(fixture.Ordinary.TraceId, StringComparison.Ordinal));

        Assert.Equal($"00-{fixture.Ordinary.TraceId}-{edgeClient.SpanId}-01", sent["traceparent"]);
        Assert.All(fixture.Wire.Requests, headers => Assert.DoesNotContain("x-amzn-trace-id", headers.Keys));
        Assert.Equal(fixture.All.Count, fixture.Wire.Requests.Count);
    }

    [Fact]
    public void The_receiver_gets_the_ingress_token_as_a_bearer_header_over_grpc_and_over_http()
    {
        Assert.All(fixture.Spans, span => Assert.Equal($"Bearer {SampleDeployment.IngressToken}", span.Authorization));
        Assert.All(fixture.Spans.Where(s => s.ServiceName == "aws-edge"), span => Assert.Equal("grpc", span.Transport));
        Assert.All(fixture.Spans.Where(s => s.ServiceName == "azure-ingest"), span => Assert.Equal("http/protobuf", span.Transport));
    }

    [Fact]
    public void An_ingest_failure_is_error_on_the_ingest_span_and_on_the_edge_client_span_with_the_exceptions_recorded()
    {
        Assert.Equal(502, fixture.Failing.Status);
        var (edgeServer, edgeClient, ingestServer) = HopsOf(fixture.Failing);

        Assert.Equal(StatusCode.Error, ingestServer.Span.Status.Code);
        Assert.Equal(StatusCode.Error, edgeClient.Span.Status.Code);
        Assert.Equal(StatusCode.Error, edgeServer.Span.Status.Code);
        Assert.Contains(ingestServer.Span.Events, e => e.Name == "exception" && Attribute(e, "exception.type") == "System.InvalidOperationException");
        Assert.Contains(edgeServer.Span.Events, e => e.Name == "exception" && Attribute(e, "exception.type") == "System.Net.Http.HttpRequestException");

        var (_, okClient, okIngest) = HopsOf(fixture.Ordinary);
        Assert.NotEqual(StatusCode.Error, okClient.Span.Status?.Code ?? StatusCode.Unset);
        Assert.NotEqual(StatusCode.Error, okIngest.Span.Status?.Code ?? StatusCode.Unset);
    }

    [Fact]
    public void A_slow_ingest_gives_a_trace_longer_than_the_latency_threshold()
    {
        var threshold = TimeSpan.FromMilliseconds(1000);
        var trace = fixture.TraceOf(fixture.Slow);
        var duration = TimeSpan.FromTicks((long)(trace.Max(s => s.Span.EndTimeUnixNano) - trace.Min(s => s.Span.StartTimeUnixNano)) / 100);

        Assert.Equal(200, fixture.Slow.Status);
        Assert.True(duration > threshold, $"The slow trace took {duration}.");
        // Task.Delay runs on the runtime's millisecond timer, which may end a tick before the span's
        // high-resolution clock says so: allow one timer period (15.6 ms at its coarsest).
        var ingest = HopsOf(fixture.Slow).IngestServer.Duration;
        Assert.True(ingest >= TimeSpan.FromMilliseconds(SampleDeployment.SlowIngestMilliseconds - 16), $"The slow ingest span took {ingest}.");
    }

    [Fact]
    public void Spans_carry_the_cloud_and_service_of_the_side_they_come_from()
    {
        var (edgeServer, edgeClient, ingestServer) = HopsOf(fixture.Ordinary);
        foreach (var span in new[] { edgeServer, edgeClient })
        {
            Assert.Equal("aws", span.Resource["cloud.provider"]);
            Assert.Equal("eu-west-1", span.Resource["cloud.region"]);
        }

        Assert.Equal("azure", ingestServer.Resource["cloud.provider"]);
        Assert.Equal("westeurope", ingestServer.Resource["cloud.region"]);
        Assert.All([edgeServer, ingestServer], span =>
        {
            Assert.Equal("e2e", span.Resource["deployment.environment.name"]);
            Assert.Equal("e2e", span.Resource["deployment.environment"]);
            Assert.False(string.IsNullOrEmpty(span.Resource["service.version"]));
        });
    }

    [Fact]
    public void A_request_that_arrives_with_a_traceparent_continues_that_trace()
    {
        Assert.Equal(TransactionFixture.IncomingTraceId, fixture.Continued.TraceId);
        var (edgeServer, edgeClient, ingestServer) = HopsOf(fixture.Continued);

        Assert.Equal(TransactionFixture.IncomingParentSpanId, edgeServer.ParentSpanId);
        Assert.Equal(edgeServer.SpanId, edgeClient.ParentSpanId);
        Assert.Equal(edgeClient.SpanId, ingestServer.ParentSpanId);
    }

    /// <summary>
    /// The collector's Azure-bound transform is tested against the attributes ASP.NET Core and
    /// HttpClient instrumentation emit on the wire, not a hand-typed list: this keeps that fixture true.
    /// </summary>
    [Fact]
    public void The_http_span_attributes_on_the_wire_are_the_ones_in_the_collector_mapping_fixture()
    {
        var (edgeServer, edgeClient, _) = HopsOf(fixture.Ordinary);
        var captured = SpanAttributeFixture.ToJson(new Dictionary<string, IEnumerable<OpenTelemetry.Proto.Common.V1.KeyValue>>
        {
            ["SPAN_KIND_SERVER"] = edgeServer.Span.Attributes,
            ["SPAN_KIND_CLIENT"] = edgeClient.Span.Attributes,
        });
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(SpanAttributeFixture.Path, SpanAttributeFixture.Serialize(captured));
        }
        var stored = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(SpanAttributeFixture.Path))!.AsObject();

        Assert.Equal(SpanAttributeFixture.Keys(stored), SpanAttributeFixture.Keys(captured));
    }

    private Hops HopsOf(Transaction transaction) => Hops.Of(fixture.TraceOf(transaction));

    private static string? Attribute(Span.Types.Event spanEvent, string key) =>
        spanEvent.Attributes.FirstOrDefault(a => a.Key == key)?.Value.StringValue;
}
