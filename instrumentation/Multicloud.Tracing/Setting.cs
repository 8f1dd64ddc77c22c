namespace Multicloud.Tracing;

/// <summary>Picks a setting's value from the places it may be set, first one wins, and remembers where it came from.</summary>
internal static class Setting
{
    /// <summary>The first value that is neither null nor blank, and its source; (null, first source) when none is.</summary>
    public static (string? Value, string Source) First(params (string? Value, string Source)[] candidates)
    {
        foreach (var (value, source) in candidates)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return (value, source);
            }
        }

        return (null, candidates[0].Source);
    }
}
