namespace Multicloud.Verify;

/// <summary>
/// The span attribute that marks the canary's spans. The collector's tail sampling keeps every span that carries it
/// (a <c>boolean_attribute</c> policy on <see cref="Key"/> with <see cref="Value"/>), so the canary is never sampled away.
/// Sent as an OTLP boolean, not as the string "true".
/// </summary>
public static class CanaryAttribute
{
    /// <summary>The attribute's key.</summary>
    public const string Key = "multicloud.canary";

    /// <summary>The attribute's value, a boolean.</summary>
    public const bool Value = true;
}
