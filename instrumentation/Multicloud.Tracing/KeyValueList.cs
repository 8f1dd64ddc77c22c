namespace Multicloud.Tracing;

/// <summary>
/// Reads the comma-separated <c>key=value</c> lists of <c>OTEL_EXPORTER_OTLP_HEADERS</c> and
/// <c>OTEL_RESOURCE_ATTRIBUTES</c> (W3C Baggage format: values are percent-encoded).
/// </summary>
internal static class KeyValueList
{
    /// <summary>The pairs in order, keys trimmed, values percent-decoded; an empty or unset variable gives none.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string? text, string variable, string example)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return pairs;
        }

        var entries = text.Split(',');
        for (var index = 0; index < entries.Length; index++)
        {
            var entry = entries[index];
            var equals = entry.IndexOf('=');
            var key = equals < 0 ? "" : entry[..equals].Trim();
            if (key.Length == 0)
            {
                throw new MulticloudTracingConfigurationException(
                    $"{variable} is malformed: entry {index + 1} is not a key=value pair; expected comma-separated pairs such as {example}.");
            }

            pairs.Add(new(key, Uri.UnescapeDataString(entry[(equals + 1)..].Trim())));
        }

        return pairs;
    }
}
