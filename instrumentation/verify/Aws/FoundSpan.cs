namespace Multicloud.Verify.Aws;

/// <summary>A span of the canary trace as a backend returned it: its ID, and the parent and service where the backend says.</summary>
internal sealed record FoundSpan(string SpanId, string? ParentSpanId, string? Service);
