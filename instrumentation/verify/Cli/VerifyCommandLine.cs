using System.CommandLine;
using Multicloud.Verify.Stack;

namespace Multicloud.Verify.Cli;

/// <summary>
/// The command line of <c>dotnet run --project instrumentation/verify -- --stack prod</c>. Every endpoint may also
/// come from an environment variable (tests and tunnels); the ingress token only from <c>OTLP_INGRESS_TOKEN</c> or
/// the stack's SSM parameter, so it never sits in a process list.
/// </summary>
internal static class VerifyCommandLine
{
    public const string TokenVariable = "OTLP_INGRESS_TOKEN";
    public const string LogsEndpointVariable = "VERIFY_LOGS_ENDPOINT";
    public const string XRayEndpointVariable = "VERIFY_XRAY_ENDPOINT";
    public const string MonitoringEndpointVariable = "VERIFY_MONITORING_ENDPOINT";
    public const string SsmEndpointVariable = "VERIFY_SSM_ENDPOINT";
    public const string LogAnalyticsEndpointVariable = "VERIFY_LOGANALYTICS_ENDPOINT";

    /// <summary>The options, or null when the command line only asked for help (printed to <paramref name="stdout"/>).</summary>
    public static VerifyOptions? Parse(string[] args, Func<string, string?> environment, TextWriter stdout, TextWriter stderr)
    {
        var stack = new Option<string>("--stack") { Description = "The stack to verify (dev, prod, ...).", Required = true };
        var outputs = new Option<FileInfo?>("--outputs") { Description = "A file holding `pulumi stack output --json --show-secrets --stack <stack>`, for runners without the Pulumi CLI. Default: run that command." };
        var stackFile = new Option<FileInfo?>("--stack-file") { Description = "The stack file to read xrayExport, aws:region, azure-native:location and topology from. Default: Pulumi.<stack>.yaml in the current directory, when present." };
        var xray = new Option<string?>("--xray-export") { Description = "otlp (find the spans in the aws/spans log group) or segments (BatchGetTraces). Default: otel-multicloud:xrayExport in the stack file, else otlp." };
        xray.AcceptOnlyFromAmong("otlp", "segments");
        var timeout = new Option<string>("--timeout") { Description = "How long to wait for the trace in each backend (Application Insights usually takes 2 to 5 minutes).", DefaultValueFactory = _ => "10m" };
        var poll = new Option<string>("--poll-interval") { Description = "Pause between two looks at a backend.", DefaultValueFactory = _ => "15s" };
        var format = new Option<string>("--format") { Description = "text (one line per hop) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var region = new Option<string?>("--region") { Description = "AWS region. Default: aws:region in the stack file, else AWS_REGION." };
        var azureRegion = new Option<string?>("--azure-region") { Description = "Azure region of the canary's Azure-side span (cloud.region). Default: azure-native:location in the stack file." };
        var ingress = new Option<string?>("--ingress-endpoint") { Description = "OTLP/HTTP base URL of the ingress. Default: the stack output otlpHttpEndpoint." };
        var connectTo = new Option<string?>("--connect-to") { Description = "host:port to open the ingress connections to, keeping the endpoint's name for TLS (an SSM port-forwarding tunnel: 127.0.0.1:4318)." };
        var logs = new Option<string?>("--logs-endpoint") { Description = $"CloudWatch Logs endpoint. Default: {LogsEndpointVariable}, else https://logs.<region>.amazonaws.com." };
        var xrayEndpoint = new Option<string?>("--xray-endpoint") { Description = $"X-Ray endpoint. Default: {XRayEndpointVariable}, else https://xray.<region>.amazonaws.com." };
        var monitoring = new Option<string?>("--monitoring-endpoint") { Description = $"CloudWatch (metrics) endpoint. Default: {MonitoringEndpointVariable}, else https://monitoring.<region>.amazonaws.com." };
        var ssm = new Option<string?>("--ssm-endpoint") { Description = $"SSM endpoint, to read the ingress token. Default: {SsmEndpointVariable}, else https://ssm.<region>.amazonaws.com." };
        var logAnalytics = new Option<string?>("--loganalytics-endpoint") { Description = $"Log Analytics query API. Default: {LogAnalyticsEndpointVariable}, else https://api.loganalytics.io." };
        var workspace = new Option<string?>("--workspace") { Description = "Log Analytics workspace: its ID (a GUID) or resource ID. Default: the stack output logAnalyticsWorkspaceId." };
        var noMetrics = new Option<bool>("--no-metrics") { Description = $"Do not publish {VerifyMetrics.Namespace} metrics (a run by hand)." };

        var root = new RootCommand("Proves a deployed stack end to end: the ingress refuses bad tokens, and one canary trace crosses the collector into X-Ray and Application Insights.")
        {
            stack, outputs, stackFile, xray, timeout, poll, format, region, azureRegion, ingress, connectTo,
            logs, xrayEndpoint, monitoring, ssm, logAnalytics, workspace, noMetrics,
        };

        VerifyOptions? parsed = null;
        root.SetAction(result =>
        {
            var token = environment(TokenVariable);
            parsed = new VerifyOptions
            {
                Stack = StackName(result.GetValue(stack)!),
                OutputsFile = result.GetValue(outputs),
                StackFile = result.GetValue(stackFile),
                XRayExport = result.GetValue(xray) is { } mode ? XRayExports.Parse(mode, "--xray-export") : null,
                Timeout = Durations.Parse(result.GetValue(timeout)!, "--timeout"),
                PollInterval = Durations.Parse(result.GetValue(poll)!, "--poll-interval"),
                Format = result.GetValue(format) == "json" ? ReportFormat.Json : ReportFormat.Text,
                AwsRegion = result.GetValue(region),
                AzureRegion = result.GetValue(azureRegion),
                IngressEndpoint = Endpoint(result.GetValue(ingress), "--ingress-endpoint", _ => null, ""),
                ConnectTo = ConnectTarget(result.GetValue(connectTo)),
                LogsEndpoint = Endpoint(result.GetValue(logs), "--logs-endpoint", environment, LogsEndpointVariable),
                XRayEndpoint = Endpoint(result.GetValue(xrayEndpoint), "--xray-endpoint", environment, XRayEndpointVariable),
                MonitoringEndpoint = Endpoint(result.GetValue(monitoring), "--monitoring-endpoint", environment, MonitoringEndpointVariable),
                SsmEndpoint = Endpoint(result.GetValue(ssm), "--ssm-endpoint", environment, SsmEndpointVariable),
                LogAnalyticsEndpoint = Endpoint(result.GetValue(logAnalytics), "--loganalytics-endpoint", environment, LogAnalyticsEndpointVariable),
                LogAnalyticsWorkspace = result.GetValue(workspace),
                PublishMetrics = !result.GetValue(noMetrics),
                IngressToken = string.IsNullOrWhiteSpace(token) ? null : new Secret(token.Trim()),
            };
            return 0;
        });

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // One line: some of the parser's messages list the allowed values on lines of their own.
            throw new UsageException(string.Join(" ", parseResult.Errors.Select(e => string.Join(' ', e.Message.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))) + " Run with --help for usage.");
        }

        // Runs the action above, or prints help. Exceptions from the action (bad values) reach the caller.
        parseResult.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        return parsed;
    }

    private static string StackName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')
            ? name
            : throw new UsageException($"--stack is '{name}': a stack name has letters, digits, '-', '_', '.' and '/' only.");

    /// <summary>The option's URL, else the variable's; either must be an absolute http:// or https:// URL.</summary>
    private static Uri? Endpoint(string? option, string name, Func<string, string?> environment, string variable)
    {
        var (text, source) = option is not null ? (option, name) : (environment(variable), variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new UsageException($"{source} is '{text}': give an absolute http:// or https:// URL.");
    }

    private static string? ConnectTarget(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var colon = text.LastIndexOf(':');
        return colon > 0 && int.TryParse(text[(colon + 1)..], out var port) && port is > 0 and < 65536
            ? text
            : throw new UsageException($"--connect-to is '{text}': give host:port, such as 127.0.0.1:4318.");
    }
}
