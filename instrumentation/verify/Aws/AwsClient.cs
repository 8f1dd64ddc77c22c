using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Multicloud.Verify.Aws;

/// <summary>Sends SigV4-signed requests to AWS services and turns their error answers (JSON or XML) into <see cref="AwsCallException"/>.</summary>
internal sealed class AwsClient(HttpClient http, AwsCredentialSource credentials, string region, TimeProvider clock)
{
    public string Region => region;

    /// <summary>AWS JSON 1.1 protocol (CloudWatch Logs, SSM): POST / with X-Amz-Target.</summary>
    public async Task<JsonDocument> PostJson11Async(AwsAction action, Uri endpoint, string target, object body, CancellationToken cancellation)
    {
        var text = await SendAsync(action, endpoint, "/", "application/x-amz-json-1.1", JsonSerializer.Serialize(body), target, cancellation);
        return JsonDocument.Parse(text.Length == 0 ? "{}" : text);
    }

    /// <summary>REST-JSON protocol (X-Ray): POST to a path with a JSON body.</summary>
    public async Task<JsonDocument> PostRestJsonAsync(AwsAction action, Uri endpoint, string path, object body, CancellationToken cancellation)
    {
        var text = await SendAsync(action, endpoint, path, "application/json", JsonSerializer.Serialize(body), target: null, cancellation);
        return JsonDocument.Parse(text.Length == 0 ? "{}" : text);
    }

    /// <summary>Query protocol (CloudWatch metrics): POST / with a form body.</summary>
    public Task<string> PostQueryAsync(AwsAction action, Uri endpoint, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellation)
    {
        var form = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return SendAsync(action, endpoint, "/", "application/x-www-form-urlencoded; charset=utf-8", form, target: null, cancellation);
    }

    private async Task<string> SendAsync(AwsAction action, Uri endpoint, string path, string contentType, string body, string? target, CancellationToken cancellation)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, path)) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        SigV4.Sign(request, bytes, await credentials(cancellation), region, action.SigningName, clock.GetUtcNow().UtcDateTime);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellation);
        }
        catch (HttpRequestException error)
        {
            throw new AwsCallException(action.Permission, 0, "Unreachable", $"{endpoint.Host} did not answer ({error.Message})");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellation);
            if (response.IsSuccessStatusCode)
            {
                return text;
            }

            var (code, message) = Error(response, text);
            throw new AwsCallException(action.Permission, (int)response.StatusCode, code, message);
        }
    }

    /// <summary>AWS's error code and message: x-amzn-ErrorType or __type in JSON, Error/Code in the query protocol's XML.</summary>
    private static (string Code, string Message) Error(HttpResponseMessage response, string body)
    {
        var code = response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.First().Split(':')[0] : null;
        string? message = null;
        var trimmed = body.TrimStart();
        try
        {
            if (trimmed.StartsWith('{'))
            {
                using var json = JsonDocument.Parse(trimmed);
                code ??= json.RootElement.TryGetProperty("__type", out var type) ? type.GetString()?.Split('#')[^1] : null;
                message = json.RootElement.TryGetProperty("message", out var m) || json.RootElement.TryGetProperty("Message", out m) ? m.GetString() : null;
            }
            else if (trimmed.StartsWith('<'))
            {
                var error = XDocument.Parse(trimmed).Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
                code ??= error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
                message = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
            }
        }
        catch (Exception parseError) when (parseError is JsonException or System.Xml.XmlException)
        {
            message = null;
        }

        return (code ?? response.StatusCode.ToString(), message ?? (body.Length > 200 ? body[..200] : body));
    }
}
