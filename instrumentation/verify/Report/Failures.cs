namespace Multicloud.Verify.Report;

/// <summary>
/// Every diagnosis verify can give, one place. The README's table under "Verify a deployed stack" lists exactly these
/// (a test holds it to them); alarm names are the synth's (<c>otel-&lt;stack&gt;-&lt;tier&gt;-&lt;condition&gt;[-&lt;exporter&gt;]</c>).
/// </summary>
internal static class Failures
{
    public static readonly Failure IngressUnreachable = new(
        "ingress-unreachable", Hop.Ingress,
        "The ingress did not answer: its load balancer is internal, and this machine is outside the VPC or outside `ingressCidrs`, or the TLS handshake failed.",
        "Run verify on a runner inside the VPC, or through an SSM port-forwarding tunnel with `--connect-to 127.0.0.1:4318`; for TLS errors see Troubleshooting, \"TLS handshake failures\".");

    public static readonly Failure IngressOpen = new(
        "ingress-open", Hop.Ingress,
        "The ingress accepted an export without a token or with a wrong one: the OTLP/HTTP receiver of the tier behind the load balancer has no `bearertokenauth` authenticator.",
        "Set `ingressAuth: token` (required in production) and `pulumi up`; the `<router>` config in SSM must name the authenticator under `protocols.http.auth`.");

    public static readonly Failure IngressTokenRefused = new(
        "ingress-token-refused", Hop.Ingress,
        "The ingress refused the stack's token with 401: the token was rotated (`ingressTokenGeneration` raised) without redeploying the receiving tasks, or the copy given in `OTLP_INGRESS_TOKEN` is older than the previous generation, as a sender not redeployed since would hold.",
        "Check that the running `<router>` task definition's `OTLP_INGRESS_TOKEN_GENERATION` equals `ingressTokenGeneration` (`pulumi up` if not); read the current token from `ingressTokenParameterArn` and restart the senders (Troubleshooting, \"401 from the collector\").");

    public static readonly Failure IngressUnexpectedAnswer = new(
        "ingress-unexpected-answer", Hop.Ingress,
        "The ingress answered neither 401 nor 2xx: a 404 or 415 is not the OTLP/HTTP port, a 502 or 503 means no healthy collector behind the load balancer.",
        "Use the `otlpHttpEndpoint` output (port 4318); check the alarms `otel-<stack>-<router>-tasks-below-desired` and `otel-<stack>-unhealthy-targets-4318`.");

    public static readonly Failure CanaryRefused = new(
        "canary-export-refused", Hop.Collector,
        "The tracing kit's export of the canary was not accepted (the status is in the line), though the probe with the same token was.",
        "Read the `<router>` tier's log for the OTLP receiver's error (`memory_limiter` refusing data answers 503: see the alarm `otel-<stack>-<router>-refused-spans-memory-limiter`).");

    public static readonly Failure CanaryLost = new(
        "collector-lost-canary", Hop.Collector,
        "The collector took the canary but neither backend has it: tail sampling did not keep it (no policy keeps `multicloud.canary` = true), or the sampling tier is down or unreachable from the routers.",
        "Check the alarms `otel-<stack>-<sampler>-tasks-below-desired` and `otel-<stack>-<router>-export-failures-load-balancing`, and that the sampling config (`otel-sampling-config` parameter) has a `boolean_attribute` policy on `multicloud.canary`.");

    public static readonly Failure XRayMissing = new(
        "xray-missing", Hop.XRay,
        "X-Ray has none of the canary's spans: Transaction Search is not enabled in this account and region (`xrayExport: otlp`), or the sampling task role lacks `xray:PutTraceSegments`.",
        "`aws xray get-trace-segment-destination` must say `CloudWatchLogs` and `ACTIVE` (else enable it, or set `xrayExport: segments`); read the alarm `otel-<stack>-<sampler>-export-failures-<xray-exporter>` and Troubleshooting, \"No spans in X-Ray\".");

    public static readonly Failure XRayPartial = new(
        "xray-partial", Hop.XRay,
        "X-Ray has only part of the canary trace: a span was not kept or not exported, or the trace was split between samplers.",
        "See Troubleshooting, \"Fragmented traces in X-Ray\" and \"Traces split after scaling\"; run verify again to tell a one-off from a pattern.");

    public static readonly Failure XRayQueryFailed = new(
        "xray-query-failed", Hop.XRay,
        "Verify could not read X-Ray: its identity lacks `logs:StartQuery` and `logs:GetQueryResults` (`otlp`) or `xray:BatchGetTraces` (`segments`), or the `aws/spans` log group does not exist because Transaction Search was never enabled.",
        "Grant the permissions listed under \"Verify a deployed stack\"; the line names AWS's error.");

    public static readonly Failure AzureMissing = new(
        "azure-missing", Hop.AzureMonitor,
        "Application Insights has none of the canary's spans: the collector's connection string is wrong or stale, or Azure refuses it with 401/403 (`disableLocalAuth`), which the `azure_monitor` exporter drops without counting a failure.",
        "See the Azure alert `otel-<stack>-no-spans`, the alarm `otel-<stack>-<sampler>-export-failures-azure-monitor` and Troubleshooting, \"401 or 403 from Azure Monitor\"; if X-Ray lacks the trace too, follow the collector line.");

    public static readonly Failure AzurePartial = new(
        "azure-partial", Hop.AzureMonitor,
        "Application Insights has only the request or only the dependency: the `azure_monitor` exporter left a span out of its table (contrib #48504).",
        "Compare the canary's spans with the mapping table under \"Exporting to X-Ray and Azure Monitor\" and the pinned collector's release notes.");

    public static readonly Failure AzureDependencyUnnamed = new(
        "azure-dependency-unnamed", Hop.AzureMonitor,
        "The dependency is named by its method alone (`POST`), not by its route: the Azure-bound transform (`transform/azure_mapping`) did not run.",
        "`pulumi up` the current program: the `<sampler>` tier's `traces/azure` pipeline must list `transform/azure_mapping` before `azure_monitor`.");

    public static readonly Failure AzureQueryFailed = new(
        "azure-query-failed", Hop.AzureMonitor,
        "Verify could not query Log Analytics: its identity lacks `Log Analytics Reader` on the workspace, has no Entra token, or the workspace is wrong.",
        "Assign `Log Analytics Reader` on the stack's workspace to the identity `azure/login` signs in (or run `az login`); the line names the error.");

    public static readonly Failure NotChecked = new(
        "not-checked", null,
        "An earlier hop failed, so no canary trace was sent to look for.",
        "Fix the first FAILED line, then run verify again.");

    public static IReadOnlyList<Failure> All { get; } =
    [
        IngressUnreachable, IngressOpen, IngressTokenRefused, IngressUnexpectedAnswer,
        CanaryRefused, CanaryLost,
        XRayMissing, XRayPartial, XRayQueryFailed,
        AzureMissing, AzurePartial, AzureDependencyUnnamed, AzureQueryFailed,
        NotChecked,
    ];
}
