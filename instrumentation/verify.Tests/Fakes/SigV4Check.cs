using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Multicloud.Verify.Tests.Fakes;

/// <summary>
/// Checks, on the server side, that a request is SigV4-signed for the expected service: the Authorization header is
/// well-formed, and the signature recomputed here from what arrived on the wire (the SigV4 documentation's canonical
/// request, string to sign and key derivation, written again independently of verify's code) matches.
/// </summary>
public static partial class SigV4Check
{
    public const string AccessKey = "AKIDVERIFYTEST";
    public const string SecretKey = "verify/test/secret/key/EXAMPLEKEY";
    public const string SessionToken = "verify-session-token";

    public static string? Problem(HttpRequest request, byte[] body, string region, string service)
    {
        var header = request.Headers.Authorization.ToString();
        var match = AuthorizationPattern().Match(header);
        if (!match.Success)
        {
            return $"malformed Authorization header '{header}'";
        }

        if (match.Groups["key"].Value != AccessKey || match.Groups["region"].Value != region || match.Groups["service"].Value != service)
        {
            return $"signed for {match.Groups["key"].Value}/{match.Groups["region"].Value}/{match.Groups["service"].Value}, expected {AccessKey}/{region}/{service}";
        }

        var signed = match.Groups["signed"].Value.Split(';');
        if (!signed.Contains("host") || !signed.Contains("x-amz-date") || !signed.Contains("x-amz-security-token"))
        {
            return $"SignedHeaders {match.Groups["signed"].Value} leaves out host, x-amz-date or x-amz-security-token";
        }

        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (!amzDate.StartsWith(match.Groups["date"].Value, StringComparison.Ordinal))
        {
            return "X-Amz-Date does not match the credential scope's date";
        }

        var canonical = new StringBuilder()
            .Append(request.Method).Append('\n')
            .Append(request.Path.HasValue ? request.Path.Value : "/").Append('\n')
            .Append(string.Join('&', request.Query.SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}")).Order(StringComparer.Ordinal))).Append('\n');
        foreach (var name in signed)
        {
            var value = name == "host" ? request.Host.Value : request.Headers[name].ToString();
            canonical.Append(name).Append(':').Append(value!.Trim()).Append('\n');
        }

        canonical.Append('\n').Append(string.Join(';', signed)).Append('\n').Append(Convert.ToHexStringLower(SHA256.HashData(body)));
        var scope = $"{match.Groups["date"].Value}/{region}/{service}/aws4_request";
        var toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + SecretKey), match.Groups["date"].Value);
        key = Hmac(Hmac(Hmac(key, region), service), "aws4_request");
        var expected = Convert.ToHexStringLower(Hmac(key, toSign));
        return expected == match.Groups["signature"].Value ? null : "the signature does not match the request as received";
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[A-Z0-9]+)/(?<date>\d{8})/(?<region>[a-z0-9-]+)/(?<service>[a-z0-9]+)/aws4_request, SignedHeaders=(?<signed>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();
}
