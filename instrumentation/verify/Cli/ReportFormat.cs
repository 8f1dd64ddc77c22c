namespace Multicloud.Verify.Cli;

/// <summary>How the result is printed on stdout: one line per hop, or one JSON object.</summary>
internal enum ReportFormat
{
    Text,
    Json,
}
