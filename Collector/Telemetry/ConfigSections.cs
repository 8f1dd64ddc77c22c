namespace Infra.Collector.Telemetry;

/// <summary>Additions to a collector config's sections, which are read-only dictionaries: each builds a new one.</summary>
internal static class ConfigSections
{
    /// <summary>A copy of <paramref name="section"/> with one more entry; an id already there is a programming error.</summary>
    public static IReadOnlyDictionary<string, T> With<T>(IReadOnlyDictionary<string, T>? section, string id, T value)
    {
        var copy = new Dictionary<string, T>(section ?? new Dictionary<string, T>(), StringComparer.Ordinal);
        if (!copy.TryAdd(id, value))
        {
            throw new InvalidOperationException($"The collector config already has a component or pipeline '{id}'.");
        }
        return copy;
    }
}
