namespace Multicloud.Verify.Azure;

/// <summary>A Log Analytics query that failed: the HTTP status (0 when there was no answer) and the service's error.</summary>
internal sealed class LogAnalyticsCallException(int status, string code, string message) : Exception($"Log Analytics query: {code}{(status > 0 ? $" (HTTP {status})" : "")}: {message}")
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    /// <summary>Denied or malformed: asking again will not help (a missing role, a wrong workspace).</summary>
    public bool IsPermanent => Status is 400 or 401 or 403 or 404;
}
