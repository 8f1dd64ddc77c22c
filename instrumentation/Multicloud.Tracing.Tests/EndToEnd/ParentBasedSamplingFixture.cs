using Multicloud.Tracing.Tests.Otlp;

namespace Multicloud.Tracing.Tests.EndToEnd;

/// <summary>
/// Runs the samples with OTEL_TRACES_SAMPLER=parentbased_always_on and sends two transactions from an unsampled
/// caller (traceparent -00), one of them failing, then one from a sampled caller (-01).
/// </summary>
public sealed class ParentBasedSamplingFixture : IAsyncLifetime
{
    private SampleDeployment deployment = null!;

    public Caller UnsampledCaller { get; } = Caller.Random(sampled: false);
    public Transaction Unsampled { get; private set; } = null!;
    public Caller UnsampledFailingCaller { get; } = Caller.Random(sampled: false);
    public Transaction UnsampledFailing { get; private set; } = null!;
    public Caller SampledCaller { get; } = Caller.Random(sampled: true);
    public Transaction Sampled { get; private set; } = null!;

    /// <summary>Everything the receiver got, read when a test asks.</summary>
    public IReadOnlyList<ReceivedSpan> Spans => this.deployment.Receiver.Spans.All;

    public HeaderRecordingForwarder Wire => this.deployment.Wire;

    public async Task InitializeAsync()
    {
        this.deployment = await SampleDeployment.StartAsync(new Dictionary<string, string> { ["OTEL_TRACES_SAMPLER"] = "parentbased_always_on" });
        var edge = this.deployment.Edge;
        this.Unsampled = await Transaction.SendAsync(edge, new { item = "ink" }, this.UnsampledCaller.Traceparent);
        this.UnsampledFailing = await Transaction.SendAsync(edge, new { item = "ink", simulate = "fail" }, this.UnsampledFailingCaller.Traceparent);
        this.Sampled = await Transaction.SendAsync(edge, new { item = "pen" }, this.SampledCaller.Traceparent);

        // Each sample exports its spans in the order they end. Once the sampled trace, sent last, has arrived from
        // both, any span of the unsampled ones would have arrived before it: no sleep is needed to see there is none.
        await this.deployment.WaitForTracesAsync([this.Sampled.TraceId], spansEach: 3);
    }

    public async Task DisposeAsync() => await this.deployment.DisposeAsync();
}
