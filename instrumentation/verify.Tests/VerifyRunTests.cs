using System.Buffers.Binary;
using Multicloud.Verify.Tests.Fakes;
using OpenTelemetry.Proto.Trace.V1;

namespace Multicloud.Verify.Tests;

/// <summary>
/// verify against a whole fake stack on 127.0.0.1: a passing run, and each way a hop breaks, asserting the exit code,
/// the hop's line with its diagnosis code, and what was published.
/// </summary>
public sealed class VerifyRunTests
{
    private static readonly TimeSpan Enough = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_healthy_stack_passes_every_hop_and_publishes_that_the_trace_was_seen()
    {
        await using var cloud = await FakeCloud.StartAsync();
        var run = await cloud.RunAsync(cloud.Arguments(Enough));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(4, run.Lines.Count);
        Assert.Matches(@"^ingress +OK +refused an export without a token \(401\) and with a wrong one \(401\), accepted the stack's token \(200\)$", run.Line("ingress"));
        Assert.Contains("OK", run.Line("collector"));
        Assert.Contains("seen in X-Ray and Application Insights", run.Line("collector"));
        Assert.Contains("both spans in the aws/spans log group", run.Line("X-Ray"));
        Assert.Contains("request 'POST /api/ingest' and dependency 'POST /api/ingest'", run.Line("Azure Monitor"));

        var metrics = Assert.Single(cloud.Aws.MetricPuts);
        Assert.Equal(VerifyMetrics.Namespace, metrics["Namespace"]);
        Assert.Equal(VerifyMetrics.CrossCloudTraceSeen, metrics["MetricData.member.1.MetricName"]);
        Assert.Equal("1", metrics["MetricData.member.1.Value"]);
        Assert.Equal(VerifyMetrics.StackDimension, metrics["MetricData.member.1.Dimensions.member.1.Name"]);
        Assert.Equal(FakeCloud.Stack, metrics["MetricData.member.1.Dimensions.member.1.Value"]);
        Assert.Equal(VerifyMetrics.EndToEndDelaySeconds, metrics["MetricData.member.2.MetricName"]);
        Assert.Equal("Seconds", metrics["MetricData.member.2.Unit"]);
        Assert.InRange(double.Parse(metrics["MetricData.member.2.Value"], System.Globalization.CultureInfo.InvariantCulture), 0, Enough.TotalSeconds);

        // Every AWS call signed for its own service; the token read from SSM; Log Analytics asked with the Entra token.
        Assert.All(cloud.Aws.Calls, call => Assert.True(call.Problem is null, $"{call.Api}: {call.Problem}"));
        Assert.Equal(["GetParameter", "StartQuery", "GetQueryResults", "PutMetricData"], cloud.Aws.Calls.Select(c => c.Api).Distinct());
        Assert.Equal(LogAnalyticsScope, Assert.Single(cloud.AzureCredential.Scopes.Distinct()));
        Assert.All(cloud.LogAnalytics.Calls, call => Assert.Equal($"/v1{FakeCloud.WorkspaceResourceId}/query", call.Path));

        // Neither the token nor the secret output is printed.
        Assert.DoesNotContain(cloud.Token, run.Stdout + run.Stderr);
        Assert.DoesNotContain(FakeCloud.ConnectionString, run.Stdout + run.Stderr);
    }

    [Fact]
    public async Task The_canary_is_one_trace_from_an_aws_service_into_an_azure_service_sent_with_the_kit()
    {
        await using var cloud = await FakeCloud.StartAsync();
        var run = await cloud.RunAsync(cloud.Arguments(Enough));
        Assert.True(run.ExitCode == 0, run.ToString());

        // (The fakes' own ASP.NET Core requests run in this process too, so the kit traces them as well: only the
        // canary's spans are counted.)
        var spans = cloud.Ingress.Spans.Where(s => s.Attribute(CanaryAttribute.Key) is not null).ToList();
        Assert.Equal(2, spans.Count);
        var aws = Assert.Single(spans, s => s.Span.Kind == Span.Types.SpanKind.Client);
        var azure = Assert.Single(spans, s => s.Span.Kind == Span.Types.SpanKind.Server);
        Assert.Equal("aws", aws.Resource["cloud.provider"].StringValue);
        Assert.Equal("azure", azure.Resource["cloud.provider"].StringValue);
        Assert.Equal(FakeAws.Region, aws.Resource["cloud.region"].StringValue);
        Assert.Equal("westeurope", azure.Resource["cloud.region"].StringValue);
        Assert.Equal(FakeCloud.Stack, aws.Resource["deployment.environment.name"].StringValue);
        Assert.NotEqual(aws.Service, azure.Service);

        // One trace: the Azure span continues the AWS root span; the root's trace ID starts with the Unix time (X-Ray epoch).
        Assert.Equal(aws.TraceId, azure.TraceId);
        Assert.Equal(aws.SpanId, azure.ParentSpanId);
        Assert.True(aws.Span.ParentSpanId.IsEmpty);
        var epoch = BinaryPrimitives.ReadUInt32BigEndian(Convert.FromHexString(aws.TraceId[..8]));
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - epoch, 0, 120);

        // Both marked for tail sampling, as a boolean; the client span carries url.full but no route, as HttpClient's do.
        Assert.All(spans, s => Assert.True(s.Attribute(CanaryAttribute.Key)!.BoolValue));
        Assert.Equal("https://canary-ingest.invalid/api/ingest", aws.StringAttribute("url.full"));
        Assert.Null(aws.StringAttribute("http.route"));
        Assert.Equal("/api/ingest", azure.StringAttribute("http.route"));

        // The probes: none, a wrong token, the right one; then the kit's exports with the right one.
        var authorizations = cloud.Ingress.Authorizations;
        Assert.Null(authorizations[0]);
        Assert.StartsWith("Bearer verify-wrong-", authorizations[1]);
        Assert.All(authorizations.Skip(2), a => Assert.Equal($"Bearer {cloud.Token}", a));
        Assert.Contains(aws.TraceId, run.Line("collector"));
    }

    [Fact]
    public async Task An_ingress_that_takes_exports_without_a_token_fails_the_ingress_hop()
    {
        await using var cloud = await FakeCloud.StartAsync();
        cloud.Ingress.Policy = IngressPolicy.AcceptAnything;
        var run = await cloud.RunAsync(cloud.Arguments(Enough));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("ingress        FAILED  [ingress-open] no token: 200; wrong token: 200", run.Line("ingress"));
        Assert.Contains("bearertokenauth", run.Line("ingress"));
        // The rest of the pipeline still works, and says so.
        Assert.Contains(" OK ", run.Line("X-Ray"));
        Assert.Contains(" OK ", run.Line("Azure Monitor"));
    }

    [Fact]
    public async Task An_ingress_that_refuses_the_stacks_token_names_the_rotation_and_checks_nothing_further()
    {
        await using var cloud = await FakeCloud.StartAsync();
        cloud.Ingress.Policy = IngressPolicy.RefuseEverything;
        var run = await cloud.RunAsync(cloud.Arguments(Enough));

        Assert.True(run.ExitCode == 1, run.ToString());
        var line = run.Line("ingress");
        Assert.StartsWith("ingress        FAILED  [ingress-token-refused] no token: 401; wrong token: 401; the stack's token: 401.", line);
        Assert.Contains("rotated", line);
        Assert.Contains("OTLP_INGRESS_TOKEN_GENERATION", line);
        Assert.Contains("[not-checked]", run.Line("collector"));
        Assert.Contains("[not-checked]", run.Line("X-Ray"));
        Assert.Contains("[not-checked]", run.Line("Azure Monitor"));
        Assert.DoesNotContain(cloud.Ingress.Spans, s => s.Attribute(CanaryAttribute.Key) is not null);
        Assert.Equal("0", Assert.Single(cloud.Aws.MetricPuts)["MetricData.member.1.Value"]);
    }

    [Fact]
    public async Task A_trace_only_in_x_ray_points_at_the_connection_string_and_the_azure_alert()
    {
        await using var cloud = await FakeCloud.StartAsync();
        cloud.Pipeline.ToAzure = false;
        var run = await cloud.RunAsync(cloud.Arguments(TimeSpan.FromSeconds(3)));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(" OK ", run.Line("collector"));
        Assert.Contains(" OK ", run.Line("X-Ray"));
        var line = run.Line("Azure Monitor");
        Assert.StartsWith("Azure Monitor  FAILED  [azure-missing] neither the request nor the dependency in Application Insights after 3 s, while X-Ray has the trace.", line);
        Assert.Contains("connection string", line);
        Assert.Contains("otel-canarytest-no-spans", line);
        Assert.Contains("otel-canarytest-sampler-export-failures-azure-monitor", line);
        var metrics = Assert.Single(cloud.Aws.MetricPuts);
        Assert.Equal("0", metrics["MetricData.member.1.Value"]);
        Assert.False(metrics.ContainsKey("MetricData.member.2.MetricName"));
    }

    [Fact]
    public async Task A_trace_only_in_azure_points_at_transaction_search_and_the_x_ray_permission()
    {
        await using var cloud = await FakeCloud.StartAsync();
        cloud.Pipeline.ToXRay = false;
        var run = await cloud.RunAsync(cloud.Arguments(TimeSpan.FromSeconds(3)));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(" OK ", run.Line("collector"));
        Assert.Contains(" OK ", run.Line("Azure Monitor"));
        var line = run.Line("X-Ray");
        Assert.StartsWith("X-Ray          FAILED  [xray-missing] not in the aws/spans log group after 3 s.", line);
        Assert.Contains("Transaction Search is not enabled", line);
        Assert.Contains("xray:PutTraceSegments", line);
        Assert.Contains("otel-canarytest-sampler-export-failures-otlp-http-xray", line);
    }

    [Fact]
    public async Task A_dependency_named_by_its_method_alone_fails_azure_monitor_naming_the_transform()
    {
        await using var cloud = await FakeCloud.StartAsync();
        cloud.Pipeline.NameDependenciesByRoute = false;
        var run = await cloud.RunAsync(cloud.Arguments(Enough));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(" OK ", run.Line("X-Ray"));
        var line = run.Line("Azure Monitor");
        Assert.StartsWith("Azure Monitor  FAILED  [azure-dependency-unnamed] the dependency is named 'POST', not 'POST /api/ingest'.", line);
        Assert.Contains("transform/azure_mapping", line);
        // Seen in both clouds, so the metric says so; the naming is a report failure, not a lost trace.
        Assert.Equal("1", Assert.Single(cloud.Aws.MetricPuts)["MetricData.member.1.Value"]);
    }

    [Fact]
    public async Task A_trace_no_backend_shows_times_out_within_the_bound_and_blames_the_collector()
    {
        await using var cloud = await FakeCloud.StartAsync();
        cloud.Pipeline.ToXRay = false;
        cloud.Pipeline.ToAzure = false;
        var run = await cloud.RunAsync(cloud.Arguments(TimeSpan.FromSeconds(1)));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.InRange(run.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        Assert.StartsWith("collector      FAILED  [collector-lost-canary]", run.Line("collector"));
        Assert.Contains("multicloud.canary", run.Line("collector"));
        Assert.Contains("[xray-missing] not in the aws/spans log group after 1 s", run.Line("X-Ray"));
        Assert.Contains("[azure-missing] neither the request nor the dependency in Application Insights after 1 s.", run.Line("Azure Monitor"));
        Assert.DoesNotContain("while X-Ray has the trace", run.Line("Azure Monitor"));
    }

    [Fact]
    public async Task In_segments_mode_from_the_stack_file_x_ray_is_read_with_batch_get_traces()
    {
        await using var cloud = await FakeCloud.StartAsync(xrayExport: "segments");
        var run = await cloud.RunAsync(cloud.Arguments(Enough));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("both spans in BatchGetTraces", run.Line("X-Ray"));
        Assert.Contains("BatchGetTraces", cloud.Aws.Calls.Select(c => c.Api));
        Assert.DoesNotContain("StartQuery", cloud.Aws.Calls.Select(c => c.Api));
        Assert.All(cloud.Aws.Calls, call => Assert.Null(call.Problem));
    }

    [Fact]
    public async Task Denied_queries_are_the_verifiers_own_permissions_not_the_pipeline()
    {
        await using var cloud = await FakeCloud.StartAsync();
        cloud.Aws.Deny = "StartQuery";
        cloud.LogAnalytics.Forbid = true;
        var run = await cloud.RunAsync(cloud.Arguments(Enough));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.InRange(run.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20)); // a denial ends the wait at once
        Assert.Contains("[xray-query-failed] the aws/spans log group: logs:StartQuery: AccessDeniedException (HTTP 400)", run.Line("X-Ray"));
        Assert.Contains("[azure-query-failed] Log Analytics query: InsufficientAccessError (HTTP 403)", run.Line("Azure Monitor"));
        Assert.Contains("Log Analytics Reader", run.Line("Azure Monitor"));
    }

    [Fact]
    public async Task A_run_whose_metrics_are_refused_fails_though_every_hop_passed()
    {
        await using var cloud = await FakeCloud.StartAsync();
        cloud.Aws.Deny = "PutMetricData";
        var run = await cloud.RunAsync(cloud.Arguments(Enough));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.All(["ingress", "collector", "X-Ray", "Azure Monitor"], hop => Assert.Contains(" OK ", run.Line(hop)));
        Assert.StartsWith("metrics        FAILED  not published: cloudwatch:PutMetricData: AccessDeniedException (HTTP 400)", run.Line("metrics"));
    }

    [Fact]
    public async Task The_token_from_the_environment_wins_and_json_reports_every_hop()
    {
        await using var cloud = await FakeCloud.StartAsync();
        var run = await cloud.RunAsync(cloud.Arguments(Enough, "--format", "json", "--no-metrics"), new Dictionary<string, string> { ["OTLP_INGRESS_TOKEN"] = cloud.Token });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("GetParameter", cloud.Aws.Calls.Select(c => c.Api));
        Assert.Empty(cloud.Aws.MetricPuts);
        using var json = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("ok").GetBoolean());
        Assert.True(root.GetProperty("crossCloudTraceSeen").GetBoolean());
        Assert.Equal(32, root.GetProperty("traceId").GetString()!.Length);
        Assert.Equal(["ingress", "collector", "X-Ray", "Azure Monitor"], root.GetProperty("hops").EnumerateArray().Select(h => h.GetProperty("hop").GetString()));
        Assert.All(root.GetProperty("hops").EnumerateArray(), h => Assert.Equal("OK", h.GetProperty("status").GetString()));
        Assert.DoesNotContain(cloud.Token, run.Stdout + run.Stderr);
    }

    private const string LogAnalyticsScope = "https://api.loganalytics.io/.default";
}
