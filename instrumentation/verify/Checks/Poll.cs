namespace Multicloud.Verify.Checks;

/// <summary>
/// Looks at a backend until the answer is complete or the deadline passes: each look is cut off at the deadline,
/// a transient error (throttling, a timeout, a 5xx) is retried at the next interval, a permanent one (denied, not
/// found) ends the poll at once. Never more than one look in flight, never past the deadline.
/// </summary>
internal static class Poll
{
    public static async Task<PollResult<T>> UntilAsync<T>(
        Func<CancellationToken, Task<T>> look,
        Func<T, bool> complete,
        Func<Exception, bool> permanent,
        TimeSpan interval,
        DateTimeOffset deadline,
        TimeProvider clock,
        Action<T?, Exception?> progress,
        CancellationToken cancellation)
        where T : class
    {
        T? last = null;
        Exception? error = null;
        var attempts = 0;
        while (!cancellation.IsCancellationRequested)
        {
            var remaining = deadline - clock.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            attempts++;
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            bounded.CancelAfter(remaining);
            try
            {
                last = await look(bounded.Token);
                error = null;
                if (complete(last))
                {
                    return new PollResult<T>(last, clock.GetUtcNow(), null, attempts);
                }
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                break; // the deadline cut the look short
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                error = failure;
                if (permanent(failure))
                {
                    progress(last, failure);
                    return new PollResult<T>(last, null, failure, attempts);
                }
            }

            progress(last, error);
            var pause = deadline - clock.GetUtcNow();
            if (pause <= TimeSpan.Zero)
            {
                break;
            }

            await Task.Delay(pause < interval ? pause : interval, clock, cancellation);
        }

        return new PollResult<T>(last, null, error, attempts);
    }
}
