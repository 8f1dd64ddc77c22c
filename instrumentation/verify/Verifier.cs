using Multicloud.Tracing;
using Multicloud.Verify.Aws;
using Multicloud.Verify.Azure;
using Multicloud.Verify.Canary;
using Multicloud.Verify.Checks;
using Multicloud.Verify.Cli;
using Multicloud.Verify.Ingress;
using Multicloud.Verify.Report;
using Multicloud.Verify.Stack;

namespace Multicloud.Verify;

/// <summary>
/// One run: read the stack, probe the ingress, send the canary, look for it in X-Ray and Application Insights within
/// one deadline, diagnose each hop, publish the metrics. Progress goes to <c>progress</c> (stderr); the token never does.
/// </summary>
internal sealed class Verifier(VerifyServices services, TextWriter progress)
{
    public async Task<VerifyReport> RunAsync(VerifyOptions options, CancellationToken cancellation)
    {
        var outputs = await ReadOutputsAsync(options, cancellation);
        var stackFile = StackFile.Read(options.StackFile, options.Stack, services.WorkingDirectory);
        var export = options.XRayExport ?? (stackFile.XRayExport is { } mode ? XRayExports.Parse(mode, $"{StackFile.XRayExportKey} in the stack file") : XRayExport.Otlp);
        var region = options.AwsRegion ?? stackFile.AwsRegion ?? services.Environment("AWS_REGION") ?? services.Environment("AWS_DEFAULT_REGION")
            ?? throw new UsageException($"no AWS region: give --region, or {StackFile.AwsRegionKey} in Pulumi.{options.Stack}.yaml, or AWS_REGION.");
        var azureRegion = options.AzureRegion ?? stackFile.AzureLocation
            ?? throw new UsageException($"no Azure region for the canary's Azure side: give --azure-region, or {StackFile.AzureLocationKey} in Pulumi.{options.Stack}.yaml.");
        var context = DiagnosisContext.For(options.Stack, stackFile.Topology, export);
        var endpoints = AwsEndpoints.For(region, options.LogsEndpoint, options.XRayEndpoint, options.MonitoringEndpoint, options.SsmEndpoint);
        using var cloudHttp = new HttpClient(services.CloudConnections()) { Timeout = TimeSpan.FromSeconds(60) };
        var aws = new AwsClient(cloudHttp, services.AwsCredentials, region, services.Clock);
        var ingressEndpoint = options.IngressEndpoint ?? outputs.OtlpHttpEndpoint;
        Say($"stack {options.Stack}: ingress {ingressEndpoint}, xrayExport {XRayExports.Name(export)}, AWS region {region}, timeout {Durations.Format(options.Timeout)}");

        var token = await IngressTokenAsync(options, outputs, new SsmParameters(aws, endpoints.Ssm), cancellation);
        using var ingressHttp = new HttpClient(IngressConnections.Handler(options.ConnectTo)) { Timeout = TimeSpan.FromSeconds(30) };
        var probe = await new IngressProbe(ingressHttp, ingressEndpoint).RunAsync(token, cancellation);
        var ingress = Diagnosis.Ingress(probe, context);
        Say($"ingress: without a token {probe.WithoutToken}, wrong token {probe.WrongToken}, the stack's token {probe.RightToken}");

        var hops = new List<HopResult> { ingress };
        CanaryTrace? trace = null;
        BackendLooks? looks = null;
        if (!probe.RightToken.Accepted)
        {
            hops.AddRange([Diagnosis.NotChecked(Hop.Collector, context), Diagnosis.NotChecked(Hop.XRay, context), Diagnosis.NotChecked(Hop.AzureMonitor, context)]);
        }
        else
        {
            trace = Send(new CanarySettings(options.Stack, region, azureRegion, ingressEndpoint, token, () => IngressConnections.Handler(options.ConnectTo)));
            Say($"canary: trace {trace.TraceId} (X-Ray 1-{trace.TraceId[..8]}-{trace.TraceId[8..]}), exports answered {string.Join(", ", trace.Exports)}");
            if (trace.Accepted)
            {
                looks = await LookAsync(trace, export, endpoints, aws, cloudHttp, outputs, options, cancellation);
                hops.Add(Diagnosis.Collector(trace, looks, context));
                hops.Add(Diagnosis.XRay(trace, looks.XRay, export, options.Timeout, context));
                hops.Add(Diagnosis.Azure(trace, looks.Azure, looks.XRay.Last is { Count: > 0 }, options.Timeout, context));
            }
            else
            {
                hops.AddRange([Diagnosis.Collector(trace, null, context), Diagnosis.NotChecked(Hop.XRay, context), Diagnosis.NotChecked(Hop.AzureMonitor, context)]);
            }
        }

        // Seen: the whole trace in both backends. The delay: from sending to the later of the two sightings.
        var seen = looks is { XRay.Done: true, Azure.Done: true };
        TimeSpan? delay = seen && trace is not null
            ? (looks!.XRay.DoneAt > looks.Azure.DoneAt ? looks.XRay.DoneAt!.Value : looks.Azure.DoneAt!.Value) - trace.SentAt
            : null;

        var (metricsStatus, metricsFailed) = await PublishAsync(options, new MetricsPublisher(aws, endpoints.Monitoring), seen, delay, cancellation);
        return new VerifyReport(options.Stack, XRayExports.Name(export), trace?.TraceId, hops, seen, delay, metricsStatus, metricsFailed);
    }

    private CanaryTrace Send(CanarySettings settings)
    {
        try
        {
            return new CanarySender(settings, services.Clock).Send();
        }
        catch (MulticloudTracingConfigurationException error)
        {
            throw new UsageException($"the tracing kit refused the canary's settings: {error.Message}");
        }
    }

    private async Task<StackOutputs> ReadOutputsAsync(VerifyOptions options, CancellationToken cancellation)
    {
        if (options.OutputsFile is { } file)
        {
            if (!file.Exists)
            {
                throw new UsageException($"--outputs {file}: no such file.");
            }

            return StackOutputs.Parse(await File.ReadAllTextAsync(file.FullName, cancellation), $"--outputs {file}");
        }

        Say($"reading the outputs of stack {options.Stack} with `pulumi stack output`");
        return StackOutputs.Parse(await services.StackOutputJson(options.Stack, cancellation), $"the outputs of stack {options.Stack}");
    }

    private async Task<Secret> IngressTokenAsync(VerifyOptions options, StackOutputs outputs, SsmParameters ssm, CancellationToken cancellation)
    {
        if (options.IngressToken is { } given)
        {
            Say($"ingress token: from {VerifyCommandLine.TokenVariable}");
            return given;
        }

        var parameter = outputs.IngressTokenParameterArn
            ?? throw new UsageException($"no ingress token: set {VerifyCommandLine.TokenVariable}, or give outputs that hold {StackOutputs.IngressTokenParameterArnKey}.");
        try
        {
            var token = await ssm.GetSecureAsync(parameter, cancellation);
            Say($"ingress token: from the SSM parameter {parameter}");
            return token;
        }
        catch (AwsCallException error)
        {
            throw new UsageException($"could not read the ingress token ({error.Message}): grant ssm:GetParameter on {parameter}, or set {VerifyCommandLine.TokenVariable}.");
        }
    }

    private async Task<BackendLooks> LookAsync(CanaryTrace trace, XRayExport export, AwsEndpoints endpoints, AwsClient aws, HttpClient http, StackOutputs outputs, VerifyOptions options, CancellationToken cancellation)
    {
        var deadline = services.Clock.GetUtcNow() + options.Timeout;
        var logs = new SpanLogGroup(aws, endpoints.Logs, services.Clock);
        var xray = new XRayTraces(aws, endpoints.XRay);
        Func<CancellationToken, Task<IReadOnlyList<FoundSpan>>> lookInXRay = export == XRayExport.Otlp
            ? token => logs.FindAsync(trace.TraceId, trace.SentAt.AddMinutes(-5), services.Clock.GetUtcNow().AddMinutes(5), token)
            : token => xray.FindAsync(trace.TraceId, token);
        var workspace = options.LogAnalyticsWorkspace ?? outputs.LogAnalyticsWorkspaceId;
        var logAnalytics = new LogAnalyticsQuery(http, services.AzureCredential, options.LogAnalyticsEndpoint ?? new Uri("https://api.loganalytics.io/"), workspace);
        var lookBack = options.Timeout + TimeSpan.FromHours(1);

        var xrayTask = Poll.UntilAsync(lookInXRay, spans => Completeness.XRay(trace, spans), e => e is AwsCallException { IsPermanent: true },
            options.PollInterval, deadline, services.Clock, (spans, error) => Say($"X-Ray: {Count(spans, trace)} of 2 spans so far{Because(error)}"), cancellation);
        var azureTask = Poll.UntilAsync(token => logAnalytics.FindAsync(trace.TraceId, lookBack, token), Completeness.Azure,
            e => e is LogAnalyticsCallException { IsPermanent: true } || e is global::Azure.Identity.AuthenticationFailedException || e is global::Azure.Identity.CredentialUnavailableException,
            options.PollInterval, deadline, services.Clock, (rows, error) => Say($"Azure Monitor: {rows?.Count ?? 0} of 2 rows so far{Because(error)}"), cancellation);
        var looks = new BackendLooks(await xrayTask, await azureTask);
        Say($"X-Ray: {(looks.XRay.Done ? "found" : "not found")} after {looks.XRay.Attempts} looks; Azure Monitor: {(looks.Azure.Done ? "found" : "not found")} after {looks.Azure.Attempts} looks");
        return looks;
    }

    private async Task<(string Status, bool Failed)> PublishAsync(VerifyOptions options, MetricsPublisher metrics, bool seen, TimeSpan? delay, CancellationToken cancellation)
    {
        if (!options.PublishMetrics)
        {
            return ("not published (--no-metrics)", false);
        }

        try
        {
            await metrics.PublishAsync(options.Stack, seen, delay, cancellation);
            var published = $"published {VerifyMetrics.Namespace} {VerifyMetrics.CrossCloudTraceSeen}={(seen ? 1 : 0)}" +
                (delay is { } d ? $", {VerifyMetrics.EndToEndDelaySeconds}={d.TotalSeconds:0.#}" : "") + $" ({VerifyMetrics.StackDimension}={options.Stack})";
            Say($"metrics: {published}");
            return (published, false);
        }
        catch (AwsCallException error)
        {
            var failed = $"not published: {error.Message} (needs {AwsActions.PutMetricData.Permission}; without the metric the canary alarm treats the run as missing)";
            Say($"error: metrics {failed}");
            return (failed, true);
        }
    }

    private static int Count(IReadOnlyList<FoundSpan>? spans, CanaryTrace trace) =>
        spans?.Count(s => s.SpanId == trace.AwsSpanId || s.SpanId == trace.AzureSpanId) ?? 0;

    private static string Because(Exception? error) => error is null ? "" : $" ({error.Message})";

    private void Say(string line) => progress.WriteLine($"verify: {line}");
}
