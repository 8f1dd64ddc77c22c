using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Infra.Cost.Billing;

/// <summary>Writes a JSON record compactly, escaping only what JSON requires (as Go's encoder does for this text).</summary>
internal static class JsonRecord
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>An attribute value as JSON: strings quoted, integers and doubles as numbers, booleans as literals.</summary>
    public static void WriteValue(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string text:
                writer.WriteString(name, text);
                break;
            case long number:
                writer.WriteNumber(name, number);
                break;
            case double number:
                writer.WriteNumber(name, number);
                break;
            case bool flag:
                writer.WriteBoolean(name, flag);
                break;
            default:
                throw new ArgumentException($"no JSON form for {value.GetType().Name}", nameof(value));
        }
    }

    /// <summary>Go's time.RFC3339Nano: UTC, up to nine fraction digits with trailing zeros dropped.</summary>
    public static string Rfc3339Nano(ulong unixNano)
    {
        var seconds = (long)(unixNano / 1_000_000_000);
        var fraction = (unixNano % 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        var time = DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return fraction.Length > 0 ? $"{time}.{fraction}Z" : $"{time}Z";
    }
}
