using System.Diagnostics;
using System.Text.Json;
using Amazon.Runtime;

namespace Multicloud.Verify.Tests.Fakes;

/// <summary>
/// A whole stack on 127.0.0.1 for one run of verify: the ingress, the pipeline behind it, the AWS APIs and the Log
/// Analytics API, an outputs file and a stack file naming them, and the verify command run in-process against them.
/// </summary>
public sealed class FakeCloud : IAsyncDisposable
{
    public const string Stack = "canarytest";
    public const string TokenParameterArn = "arn:aws:ssm:eu-west-1:123456789012:parameter/otel-multicloud/canarytest/ingress-token";
    public const string WorkspaceResourceId = "/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/rg-otel-canarytest/providers/Microsoft.OperationalInsights/workspaces/log-otel-canarytest";

    /// <summary>A stand-in for the secret output: it must never be printed.</summary>
    public const string ConnectionString = "InstrumentationKey=fake-instrumentation-key;IngestionEndpoint=https://ingest.example.invalid/";

    private readonly string directory;

    private FakeCloud(string token, FakePipeline pipeline, FakeIngress ingress, FakeAws aws, FakeLogAnalytics logAnalytics, string directory)
        => (this.Token, this.Pipeline, this.Ingress, this.Aws, this.LogAnalytics, this.directory) = (token, pipeline, ingress, aws, logAnalytics, directory);

    public string Token { get; }

    public FakePipeline Pipeline { get; }

    public FakeIngress Ingress { get; }

    public FakeAws Aws { get; }

    public FakeLogAnalytics LogAnalytics { get; }

    public FakeTokenCredential AzureCredential { get; } = new();

    public string OutputsFile => Path.Combine(this.directory, "outputs.json");

    public string StackFile => Path.Combine(this.directory, $"Pulumi.{Stack}.yaml");

    public static async Task<FakeCloud> StartAsync(string xrayExport = "otlp")
    {
        var token = "Tok" + Guid.NewGuid().ToString("N") + "Tok";
        var pipeline = new FakePipeline();
        var ingress = await FakeIngress.StartAsync(token);
        ingress.OnSpans = pipeline.Receive;
        var aws = await FakeAws.StartAsync(pipeline, TokenParameterArn, token);
        var logAnalytics = await FakeLogAnalytics.StartAsync(pipeline);
        var directory = Directory.CreateTempSubdirectory("verify-tests-").FullName;
        var cloud = new FakeCloud(token, pipeline, ingress, aws, logAnalytics, directory);
        File.WriteAllText(cloud.OutputsFile, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["otlpHttpEndpoint"] = ingress.Endpoint.ToString(),
            ["otlpGrpcEndpoint"] = "http://127.0.0.1:9/",
            ["logAnalyticsWorkspaceId"] = WorkspaceResourceId,
            ["applicationInsightsName"] = "appi-otel-canarytest",
            ["applicationInsightsConnectionString"] = ConnectionString,
            ["ingressTokenParameterArn"] = TokenParameterArn,
        }));
        File.WriteAllText(cloud.StackFile, $"""
            config:
              aws:region: {FakeAws.Region}
              azure-native:location: westeurope
              otel-multicloud:topology: tiered
              otel-multicloud:xrayExport: {xrayExport}
            """);
        return cloud;
    }

    /// <summary>The arguments that point verify at this fake cloud; more may follow.</summary>
    public string[] Arguments(TimeSpan timeout, params string[] more) =>
    [
        "--stack", Stack, "--outputs", this.OutputsFile,
        "--timeout", $"{timeout.TotalMilliseconds:0}ms", "--poll-interval", "50ms",
        "--logs-endpoint", this.Aws.Endpoint.ToString(), "--xray-endpoint", this.Aws.Endpoint.ToString(),
        "--monitoring-endpoint", this.Aws.Endpoint.ToString(), "--ssm-endpoint", this.Aws.Endpoint.ToString(),
        "--loganalytics-endpoint", this.LogAnalytics.Endpoint.ToString(),
        .. more,
    ];

    public async Task<RunResult> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var services = new VerifyServices(
            _ => Task.FromResult(new ImmutableCredentials(SigV4Check.AccessKey, SigV4Check.SecretKey, SigV4Check.SessionToken)),
            this.AzureCredential,
            () => new SocketsHttpHandler(),
            (_, _) => throw new InvalidOperationException("the tests give --outputs"),
            TimeProvider.System,
            this.directory,
            name => environment?.GetValueOrDefault(name));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var clock = Stopwatch.StartNew();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var exit = await VerifyProgram.RunAsync(args, stdout, stderr, services, limit.Token);
        return new RunResult(exit, stdout.ToString(), stderr.ToString(), clock.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        await this.Ingress.DisposeAsync();
        await this.Aws.DisposeAsync();
        await this.LogAnalytics.DisposeAsync();
        Directory.Delete(this.directory, recursive: true);
    }
}

/// <summary>One run of verify: its exit code, its report (stdout), its progress (stderr) and how long it took.</summary>
public sealed record RunResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    public IReadOnlyList<string> Lines => this.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The report's line for a hop ("ingress", "collector", "X-Ray", "Azure Monitor").</summary>
    public string Line(string hop) => Assert.Single(this.Lines, l => l.StartsWith(hop + " ", StringComparison.Ordinal));

    public override string ToString() => $"exit {this.ExitCode}\n--- stdout\n{this.Stdout}--- stderr\n{this.Stderr}";
}
