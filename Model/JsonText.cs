using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Infra.Model;

/// <summary>
/// A plain tree (<see cref="YamlTree"/>'s maps, lists and scalars) as compact JSON, written as
/// <see cref="JsonSerializer"/> would write it (same escaping, same number format) but without the
/// serializer, whose first use costs the synth tens of milliseconds on every engine call.
/// </summary>
public static class JsonText
{
    public static string From(object? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case long whole:
                writer.WriteNumberValue(whole);
                break;
            case double real:
                writer.WriteNumberValue(real);
                break;
            case IDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"{value.GetType()} is not a plain tree value.", nameof(value));
        }
    }
}
