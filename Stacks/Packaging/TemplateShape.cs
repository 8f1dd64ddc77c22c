using System.Globalization;

namespace Infra.Stacks.Packaging;

/// <summary>
/// A template's fingerprint: two 64-bit FNV-1a hashes (different offsets) over its tree, each node tagged with
/// its kind so <c>"1"</c> and <c>1</c> differ. The package writes it beside each template, so a call finds its
/// template by one hash instead of rendering every template as YAML and comparing text. Not a cryptographic
/// hash on purpose: loading the platform's crypto library costs the synth a tenth of its time, and the
/// fingerprint guards against a stale package, not an attacker (who could edit the template itself).
/// </summary>
public static class TemplateShape
{
    public static string Of(object tree)
    {
        var text = new Fnv();
        Append(text, tree);
        return $"{text.First:x16}{text.Second:x16}";
    }

    private sealed class Fnv
    {
        private const ulong Prime = 1099511628211;

        public ulong First { get; private set; } = 14695981039346656037;

        /// <summary>A second offset basis, so a template is named by 128 bits.</summary>
        public ulong Second { get; private set; } = 0x84222325cbf29ce4;

        public Fnv Append(char c)
        {
            First = (First ^ c) * Prime;
            Second = (Second ^ c) * Prime;
            return this;
        }

        public Fnv Append(string value)
        {
            foreach (var c in value)
            {
                Append(c);
            }
            return this;
        }

        public Fnv Append(long value) => Append(value.ToString(CultureInfo.InvariantCulture));
    }

    private static void Append(Fnv text, object? node)
    {
        switch (node)
        {
            case null:
                text.Append('N');
                break;
            case string value:
                text.Append('S').Append(value.Length).Append(':').Append(value);
                break;
            case bool value:
                text.Append(value ? 'T' : 'F');
                break;
            case int or long:
                text.Append('I').Append(Convert.ToInt64(node, CultureInfo.InvariantCulture)).Append(';');
                break;
            case double value:
                text.Append('D').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append(';');
                break;
            case decimal value:
                text.Append('C').Append(value.ToString(CultureInfo.InvariantCulture)).Append(';');
                break;
            case IDictionary<string, object> map:
                text.Append('M').Append(map.Count).Append(':');
                foreach (var (key, value) in map)
                {
                    text.Append(key.Length).Append(':').Append(key);
                    Append(text, value);
                }
                break;
            case IEnumerable<object> list:
                text.Append('L');
                foreach (var item in list)
                {
                    Append(text, item);
                }
                text.Append(';');
                break;
            default:
                throw new InvalidOperationException($"A template holds a {node.GetType().Name}, which has no fingerprint.");
        }
    }
}
