namespace Multicloud.Verify.Tests.Fakes;

/// <summary>How the fake ingress treats the Authorization header.</summary>
public enum IngressPolicy
{
    /// <summary>As bearertokenauth: 401 unless "Bearer &lt;the token&gt;".</summary>
    RequireToken,

    /// <summary>A receiver without an authenticator: takes anything.</summary>
    AcceptAnything,

    /// <summary>A collector that no longer knows the token (rotated): 401 for everything.</summary>
    RefuseEverything,
}
