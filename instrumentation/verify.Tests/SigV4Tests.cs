using Amazon.Runtime;
using Multicloud.Verify.Aws;

namespace Multicloud.Verify.Tests;

/// <summary>The SigV4 signing held to AWS's published test suite (aws-sig-v4-test-suite: get-vanilla and get-vanilla-query-order-key-case).</summary>
public sealed class SigV4Tests
{
    private static readonly ImmutableCredentials Example = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static readonly DateTime SignedAt = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static readonly Dictionary<string, string> Headers = new() { ["host"] = "example.amazonaws.com", ["x-amz-date"] = "20150830T123600Z" };

    [Fact]
    public void Get_vanilla()
    {
        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            SigV4.Authorization("GET", new Uri("https://example.amazonaws.com/"), Headers, EmptyHash, Example, "us-east-1", "service", SignedAt));
    }

    [Fact]
    public void Get_vanilla_query_order_key_case_sorts_the_query()
    {
        Assert.EndsWith(
            "Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
            SigV4.Authorization("GET", new Uri("https://example.amazonaws.com/?Param2=value2&Param1=value1"), Headers, EmptyHash, Example, "us-east-1", "service", SignedAt));
    }

    [Fact]
    public void A_signed_request_carries_the_date_the_session_token_and_its_content_type_under_the_signature()
    {
        var body = "{}"u8.ToArray();
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:8443/") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "Logs_20140328.StartQuery");
        SigV4.Sign(request, body, new ImmutableCredentials("AKIDEXAMPLE", "secret", "session"), "eu-west-1", "logs", SignedAt);

        Assert.Equal("127.0.0.1:8443", request.Headers.Host);
        Assert.Equal("20150830T123600Z", request.Headers.GetValues("X-Amz-Date").Single());
        Assert.Equal("session", request.Headers.GetValues("X-Amz-Security-Token").Single());
        Assert.Matches(
            "^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/logs/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=[0-9a-f]{64}$",
            request.Headers.GetValues("Authorization").Single());
    }
}
