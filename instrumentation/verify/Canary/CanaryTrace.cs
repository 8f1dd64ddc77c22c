using Multicloud.Verify.Ingress;

namespace Multicloud.Verify.Canary;

/// <summary>The canary trace as sent: its IDs, when, and what the ingress answered each export.</summary>
internal sealed record CanaryTrace(string TraceId, string AwsSpanId, string AzureSpanId, DateTimeOffset SentAt, IReadOnlyList<ProbeOutcome> Exports, bool Flushed)
{
    /// <summary>Both services' exports were sent and every one was accepted.</summary>
    public bool Accepted => this.Flushed && this.Exports.Count >= 2 && this.Exports.All(e => e.Accepted);
}
