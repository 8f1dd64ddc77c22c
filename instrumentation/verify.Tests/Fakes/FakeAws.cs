using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Multicloud.Verify.Tests.Fakes;

/// <summary>
/// CloudWatch Logs (StartQuery, GetQueryResults on aws/spans), X-Ray (BatchGetTraces), CloudWatch (PutMetricData) and
/// SSM (GetParameter) on one 127.0.0.1 port, each answering in its protocol's shape and refusing a request whose SigV4
/// signature is not valid for that service (403 InvalidSignatureException).
/// </summary>
public sealed partial class FakeAws : IAsyncDisposable
{
    public const string Region = "eu-west-1";

    private readonly WebApplication app;
    private readonly FakePipeline pipeline;
    private readonly List<(string Api, string? Problem)> calls = [];
    private readonly Dictionary<string, string> queries = [];
    private readonly List<Dictionary<string, string>> metricPuts = [];
    private bool answeredRunning;

    private FakeAws(WebApplication app, FakePipeline pipeline) => (this.app, this.pipeline) = (app, pipeline);

    public Uri Endpoint => new(this.app.Urls.First() + "/");

    public required string TokenParameterArn { get; init; }

    public required string Token { get; init; }

    /// <summary>An API (StartQuery, BatchGetTraces, PutMetricData, GetParameter) to answer with 400 AccessDeniedException.</summary>
    public string? Deny { get; set; }

    public IReadOnlyList<(string Api, string? Problem)> Calls
    {
        get
        {
            lock (this.calls)
            {
                return [.. this.calls];
            }
        }
    }

    public IReadOnlyList<Dictionary<string, string>> MetricPuts
    {
        get
        {
            lock (this.calls)
            {
                return [.. this.metricPuts];
            }
        }
    }

    public static async Task<FakeAws> StartAsync(FakePipeline pipeline, string tokenParameterArn, string token)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var aws = new FakeAws(app, pipeline) { TokenParameterArn = tokenParameterArn, Token = token };
        app.MapPost("/", aws.RootAsync);
        app.MapPost("/Traces", aws.TracesAsync);
        await app.StartAsync();
        return aws;
    }

    public ValueTask DisposeAsync() => this.app.DisposeAsync();

    private async Task<IResult> RootAsync(HttpRequest request)
    {
        var body = await Body(request);
        var target = request.Headers["X-Amz-Target"].ToString();
        if (target.Length == 0)
        {
            var form = System.Text.Encoding.UTF8.GetString(body).Split('&').Select(p => p.Split('=', 2))
                .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));
            return Check(request, body, "PutMetricData", "monitoring") ?? this.PutMetricData(form, request.ContentType);
        }

        using var json = JsonDocument.Parse(body);
        return target switch
        {
            "Logs_20140328.StartQuery" => Check(request, body, "StartQuery", "logs", "application/x-amz-json-1.1") ?? this.StartQuery(json.RootElement),
            "Logs_20140328.GetQueryResults" => Check(request, body, "GetQueryResults", "logs", "application/x-amz-json-1.1") ?? this.GetQueryResults(json.RootElement),
            "AmazonSSM.GetParameter" => Check(request, body, "GetParameter", "ssm", "application/x-amz-json-1.1") ?? this.GetParameter(json.RootElement),
            _ => Error(400, "UnknownOperationException", target),
        };
    }

    private async Task<IResult> TracesAsync(HttpRequest request)
    {
        var body = await Body(request);
        using var json = JsonDocument.Parse(body);
        return Check(request, body, "BatchGetTraces", "xray", "application/json") ?? this.BatchGetTraces(json.RootElement);
    }

    private IResult? Check(HttpRequest request, byte[] body, string api, string service, string? contentType = null)
    {
        var problem = SigV4Check.Problem(request, body, Region, service);
        if (problem is null && contentType is not null && request.ContentType != contentType)
        {
            problem = $"Content-Type {request.ContentType}, expected {contentType}";
        }

        lock (this.calls)
        {
            this.calls.Add((api, problem));
        }

        if (problem is not null)
        {
            return Error(403, "InvalidSignatureException", problem);
        }

        return this.Deny == api ? Error(400, "AccessDeniedException", $"User is not authorized to perform: {api}") : null;
    }

    private IResult StartQuery(JsonElement request)
    {
        var groups = request.GetProperty("logGroupNames").EnumerateArray().Select(g => g.GetString()).ToList();
        var trace = TraceIdFilter().Match(request.GetProperty("queryString").GetString()!);
        if (groups is not ["aws/spans"] || !trace.Success || request.GetProperty("endTime").GetInt64() <= request.GetProperty("startTime").GetInt64())
        {
            return Error(400, "InvalidParameterException", "expected one query on aws/spans filtering on traceId, with startTime before endTime");
        }

        var id = Guid.NewGuid().ToString();
        lock (this.calls)
        {
            this.queries[id] = trace.Groups[1].Value;
        }

        return Results.Json(new { queryId = id });
    }

    private IResult GetQueryResults(JsonElement request)
    {
        string? traceId;
        lock (this.calls)
        {
            this.queries.TryGetValue(request.GetProperty("queryId").GetString()!, out traceId);
            if (traceId is not null && !this.answeredRunning)
            {
                // Logs Insights runs a query asynchronously: the first look finds it still running.
                this.answeredRunning = true;
                return Results.Json(new { status = "Running", results = Array.Empty<object>() });
            }
        }

        if (traceId is null)
        {
            return Error(400, "InvalidParameterException", "unknown queryId");
        }

        var rows = this.pipeline.XRaySpans(traceId).Select(s => new[]
        {
            new { field = "traceId", value = s.TraceId },
            new { field = "spanId", value = s.SpanId },
            new { field = "parentSpanId", value = s.ParentSpanId },
            new { field = "name", value = s.Span.Name },
            new { field = "resource.attributes.service.name", value = s.Service },
        });
        return Results.Json(new { status = "Complete", results = rows });
    }

    private IResult BatchGetTraces(JsonElement request)
    {
        var ids = request.GetProperty("TraceIds").EnumerateArray().Select(i => i.GetString()!).ToList();
        var traces = new JsonArray();
        foreach (var id in ids)
        {
            var match = XRayTraceId().Match(id);
            if (!match.Success)
            {
                return Error(400, "InvalidRequestException", $"'{id}' is not an X-Ray trace ID");
            }

            var spans = this.pipeline.XRaySpans(match.Groups[1].Value + match.Groups[2].Value);
            if (spans.Count == 0)
            {
                continue;
            }

            traces.Add(new JsonObject
            {
                ["Id"] = id,
                ["Segments"] = new JsonArray([.. spans.Select(s => (JsonNode)new JsonObject
                {
                    ["Id"] = s.SpanId,
                    ["Document"] = new JsonObject { ["id"] = s.SpanId, ["trace_id"] = id, ["name"] = s.Service, ["parent_id"] = s.ParentSpanId.Trim('0').Length == 0 ? null : s.ParentSpanId }.ToJsonString(),
                })]),
            });
        }

        return Results.Json(new JsonObject { ["Traces"] = traces, ["UnprocessedTraceIds"] = new JsonArray() });
    }

    private IResult PutMetricData(Dictionary<string, string> form, string? contentType)
    {
        if (form.GetValueOrDefault("Action") != "PutMetricData" || form.GetValueOrDefault("Version") != "2010-08-01" || contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) != true)
        {
            return Results.Text("<ErrorResponse><Error><Code>InvalidAction</Code><Message>expected Action=PutMetricData, Version=2010-08-01, a form body</Message></Error></ErrorResponse>", "text/xml", statusCode: 400);
        }

        lock (this.calls)
        {
            this.metricPuts.Add(form);
        }

        return Results.Text("<PutMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><ResponseMetadata><RequestId>test</RequestId></ResponseMetadata></PutMetricDataResponse>", "text/xml");
    }

    private IResult GetParameter(JsonElement request)
    {
        if (request.GetProperty("Name").GetString() != this.TokenParameterArn || !request.GetProperty("WithDecryption").GetBoolean())
        {
            return Error(400, "ParameterNotFound", "expected the ingress token parameter, with decryption");
        }

        // AWS's JSON protocols keep the members' own (Pascal) case.
        return Results.Json(new JsonObject { ["Parameter"] = new JsonObject { ["Name"] = this.TokenParameterArn, ["Type"] = "SecureString", ["Value"] = this.Token, ["Version"] = 3 } });
    }

    private static IResult Error(int status, string type, string message) =>
        Results.Json(new Dictionary<string, string> { ["__type"] = type, ["message"] = message }, statusCode: status);

    private static async Task<byte[]> Body(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    [GeneratedRegex("filter traceId = \"([0-9a-f]{32})\"")]
    private static partial Regex TraceIdFilter();

    [GeneratedRegex("^1-([0-9a-f]{8})-([0-9a-f]{24})$")]
    private static partial Regex XRayTraceId();
}
