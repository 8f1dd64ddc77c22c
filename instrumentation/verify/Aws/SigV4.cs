using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace Multicloud.Verify.Aws;

/// <summary>
/// AWS Signature Version 4 for a request verify builds: the canonical request as the SigV4 documentation defines it
/// ("Create a canonical request": method, URI path with each segment URI-encoded, sorted query, sorted lower-case
/// headers, signed header list, hex SHA-256 of the payload), signed by AWSSDK.Core's
/// <see cref="AWS4Signer.ComputeSignature(ImmutableCredentials, string, DateTime, string, string, string)"/>, which
/// derives the key and computes the signature. Held to AWS's published get-vanilla test vectors by the tests.
/// </summary>
internal static class SigV4
{
    public const string DateHeader = "X-Amz-Date";
    public const string TokenHeader = "X-Amz-Security-Token";

    /// <summary>Sets Host, X-Amz-Date, X-Amz-Security-Token (session credentials) and Authorization on the request.</summary>
    public static void Sign(HttpRequestMessage request, byte[] body, ImmutableCredentials credentials, string region, string service, DateTime now)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        var date = now.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        request.Headers.Host = host;
        request.Headers.Remove(DateHeader);
        request.Headers.TryAddWithoutValidation(DateHeader, date);
        if (credentials.UseToken)
        {
            request.Headers.Remove(TokenHeader);
            request.Headers.TryAddWithoutValidation(TokenHeader, credentials.Token);
        }

        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["host"] = host };
        foreach (var (name, values) in request.Headers.Where(h => h.Key != "Host"))
        {
            headers[name.ToLowerInvariant()] = string.Join(',', values.Select(v => v.Trim()));
        }

        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers.Where(h => h.Key == "Content-Type"))
            {
                headers[name.ToLowerInvariant()] = string.Join(',', values.Select(v => v.Trim()));
            }
        }

        request.Headers.TryAddWithoutValidation("Authorization", Authorization(request.Method.Method, uri, headers, Hex(SHA256.HashData(body)), credentials, region, service, now));
    }

    /// <summary>The Authorization header value for a request whose headers to sign are <paramref name="headers"/> (lower-case names).</summary>
    public static string Authorization(string method, Uri uri, IReadOnlyDictionary<string, string> headers, string payloadHash, ImmutableCredentials credentials, string region, string service, DateTime now)
    {
        var signed = headers.Keys.Select(k => k.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
        var signedHeaders = string.Join(';', signed);
        var canonical = CanonicalRequest(method, uri, headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value), signed, payloadHash);
        return AWS4Signer.ComputeSignature(credentials, region, now.ToUniversalTime(), service, signedHeaders, canonical).ForAuthorizationHeader;
    }

    public static string CanonicalRequest(string method, Uri uri, IReadOnlyDictionary<string, string> headers, IReadOnlyList<string> signed, string payloadHash)
    {
        var builder = new StringBuilder();
        builder.Append(method).Append('\n');
        builder.Append(CanonicalPath(uri.AbsolutePath)).Append('\n');
        builder.Append(CanonicalQuery(uri.Query)).Append('\n');
        foreach (var name in signed)
        {
            builder.Append(name).Append(':').Append(CollapseSpaces(headers[name].Trim())).Append('\n');
        }

        builder.Append('\n').Append(string.Join(';', signed)).Append('\n').Append(payloadHash);
        return builder.ToString();
    }

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    // Every service but S3 encodes each path segment twice; the URI's own path is already encoded once.
    private static string CanonicalPath(string path) =>
        path.Length == 0 ? "/" : string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static string CanonicalQuery(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }

        return string.Join('&', query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=');
                var (name, value) = equals < 0 ? (pair, "") : (pair[..equals], pair[(equals + 1)..]);
                return (Name: Uri.EscapeDataString(Uri.UnescapeDataString(name)), Value: Uri.EscapeDataString(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
    }

    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c != ' ' || builder.Length == 0 || builder[^1] != ' ')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
