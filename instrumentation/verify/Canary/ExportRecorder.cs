using System.Collections.Concurrent;
using Multicloud.Verify.Ingress;

namespace Multicloud.Verify.Canary;

/// <summary>
/// Sits in the OTLP exporter's HTTP client and keeps what the ingress answered each export: the exporter itself
/// only logs a failed export, and the collector hop needs to know whether the canary was taken.
/// </summary>
internal sealed class ExportRecorder
{
    private readonly ConcurrentQueue<ProbeOutcome> outcomes = new();

    public IReadOnlyList<ProbeOutcome> Outcomes => [.. this.outcomes];

    public HttpMessageHandler Wrap(HttpMessageHandler inner) => new Recording(this.outcomes, inner);

    private sealed class Recording(ConcurrentQueue<ProbeOutcome> outcomes, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        // The OTLP exporter exports synchronously (HttpClient.Send), so both paths record.
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                var response = base.Send(request, cancellationToken);
                outcomes.Enqueue(new ProbeOutcome((int)response.StatusCode, null));
                return response;
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                outcomes.Enqueue(new ProbeOutcome(null, error.InnerException?.Message ?? error.Message));
                throw;
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                outcomes.Enqueue(new ProbeOutcome((int)response.StatusCode, null));
                return response;
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                outcomes.Enqueue(new ProbeOutcome(null, error.InnerException?.Message ?? error.Message));
                throw;
            }
        }
    }
}
