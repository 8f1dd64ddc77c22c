using System.Net.Http.Headers;
using System.Security.Cryptography;
using Multicloud.Verify.Cli;

namespace Multicloud.Verify.Ingress;

/// <summary>
/// Asks the ingress to take an empty OTLP/HTTP export (a valid ExportTraceServiceRequest with no spans, so nothing
/// reaches a backend) three times: without a token and with a wrong one, which the collector's bearertokenauth must
/// refuse with 401, and with the stack's token, which it must accept.
/// </summary>
internal sealed class IngressProbe(HttpClient http, Uri endpoint)
{
    public sealed record Result(ProbeOutcome WithoutToken, ProbeOutcome WrongToken, ProbeOutcome RightToken);

    public async Task<Result> RunAsync(Secret token, CancellationToken cancellation)
    {
        var wrong = "verify-wrong-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(18));
        return new Result(
            await SendAsync(null, cancellation),
            await SendAsync(wrong, cancellation),
            await SendAsync(token.Reveal(), cancellation));
    }

    private async Task<ProbeOutcome> SendAsync(string? token, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, IngressConnections.TracesUrl(endpoint)) { Content = new ByteArrayContent([]) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellation);
            return new ProbeOutcome((int)response.StatusCode, null);
        }
        catch (HttpRequestException error)
        {
            return new ProbeOutcome(null, error.InnerException?.Message ?? error.Message);
        }
        catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return new ProbeOutcome(null, "timed out");
        }
    }
}
