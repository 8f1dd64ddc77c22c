namespace Multicloud.Verify.Aws;

/// <summary>An AWS call that failed: the permission or step, the HTTP status (0 when there was no answer), AWS's error code and message.</summary>
internal sealed class AwsCallException(string what, int status, string code, string message) : Exception($"{what}: {code}{(status > 0 ? $" (HTTP {status})" : "")}: {message}")
{
    public string What { get; } = what;

    public int Status { get; } = status;

    public string Code { get; } = code;

    /// <summary>Denied, not found or malformed: asking again will not help.</summary>
    public bool IsPermanent => Status is 400 or 401 or 403 or 404 && Code is not ("ThrottlingException" or "Throttling" or "TooManyRequestsException" or "LimitExceededException");
}
