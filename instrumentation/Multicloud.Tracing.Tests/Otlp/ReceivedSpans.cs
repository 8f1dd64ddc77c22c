using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Multicloud.Tracing.Tests.Otlp;

/// <summary>What the receiver got, and a way to wait for it without sleeping.</summary>
public sealed class ReceivedSpans
{
    private readonly List<ReceivedSpan> spans = [];
    private readonly SemaphoreSlim arrived = new(0);

    /// <summary>Every span received so far.</summary>
    public IReadOnlyList<ReceivedSpan> All
    {
        get
        {
            lock (this.spans)
            {
                return [.. this.spans];
            }
        }
    }

    public void Record(ExportTraceServiceRequest request, string transport, string? authorization)
    {
        var received = request.ResourceSpans.SelectMany(resourceSpans =>
        {
            var resource = ReceivedSpan.Flatten(resourceSpans.Resource.Attributes);
            return resourceSpans.ScopeSpans.SelectMany(scope => scope.Spans)
                .Select(span => new ReceivedSpan(span, resource, transport, authorization));
        });
        lock (this.spans)
        {
            this.spans.AddRange(received);
        }

        this.arrived.Release();
    }

    /// <summary>Waits until <paramref name="done"/> holds, checking again each time an export arrives.</summary>
    public async Task<IReadOnlyList<ReceivedSpan>> WaitUntilAsync(Func<IReadOnlyList<ReceivedSpan>, bool> done, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!done(this.All))
        {
            try
            {
                await this.arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"The receiver did not get the expected spans within {timeout}. It got:\n{string.Join('\n', this.All)}");
            }
        }

        return this.All;
    }
}
