using Azure.Core;

namespace Multicloud.Verify.Tests.Fakes;

/// <summary>An Entra credential that hands out one fixed token and remembers the scopes asked for.</summary>
public sealed class FakeTokenCredential : TokenCredential
{
    public const string Token = "fake-entra-token-for-log-analytics";

    private readonly List<string> scopes = [];

    public IReadOnlyList<string> Scopes
    {
        get
        {
            lock (this.scopes)
            {
                return [.. this.scopes];
            }
        }
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (this.scopes)
        {
            this.scopes.AddRange(requestContext.Scopes);
        }

        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(this.GetToken(requestContext, cancellationToken));
}
