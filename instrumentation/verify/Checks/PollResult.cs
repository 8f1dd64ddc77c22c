namespace Multicloud.Verify.Checks;

/// <summary>How a bounded poll ended: the last answer, whether it was the one waited for and when, or the error that stopped it.</summary>
internal sealed record PollResult<T>(T? Last, DateTimeOffset? DoneAt, Exception? Error, int Attempts)
    where T : class
{
    public bool Done => this.DoneAt is not null;
}
