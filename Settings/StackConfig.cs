namespace Infra.Settings;

/// <summary>
/// Raw stack config as the engine or a stack file gives it: fully qualified keys (<c>project:key</c>)
/// to text. Lists and objects are JSON text, as in <c>PULUMI_CONFIG</c>. Secure values keep no text.
/// </summary>
public sealed class StackConfig(string source, IReadOnlyDictionary<string, string?> values)
{
    /// <summary>Where the values came from, for error messages: a stack file name or <c>PULUMI_CONFIG</c>.</summary>
    public string Source { get; } = source;

    /// <summary>Key to text; a null text marks a <c>secure:</c> value, which the synth never reads.</summary>
    public IReadOnlyDictionary<string, string?> Values { get; } = values;

    public bool IsSecure(string key) => Values.TryGetValue(key, out var text) && text is null;
}
