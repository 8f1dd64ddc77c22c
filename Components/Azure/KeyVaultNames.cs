namespace Infra.Components.Azure;

/// <summary>
/// Key Vault names are global, 3-24 characters of letters, digits and single hyphens, starting with a
/// letter. The stack's part is cut so that "kv-STACK-" plus the 6-character random suffix always fits.
/// </summary>
public static class KeyVaultNames
{
    public const int MaxLength = 24;
    public const int SuffixLength = 6;

    /// <summary>"kv-{stack}-", to which the random suffix is appended.</summary>
    public static string Stem(string stack)
    {
        var room = MaxLength - SuffixLength - "kv--".Length;
        var collapsed = string.Join('-', stack.Split('-', StringSplitOptions.RemoveEmptyEntries));
        var cut = collapsed.Length > room ? collapsed[..room].TrimEnd('-') : collapsed;
        return $"kv-{cut}-";
    }
}
