using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Infra.Model;

/// <summary>
/// Writes a plain tree (string-keyed maps, lists, strings, booleans, numbers) as YAML through
/// YamlDotNet's <see cref="Emitter"/>, with the scalar choices of YamlDotNet's serializer built with
/// <c>WithQuotingNecessaryStrings(quoteYaml1_1Strings: true)</c> and <c>DisableAliases()</c>, so the
/// text is the same byte for byte (tests hold the two together). It skips the serializer itself:
/// building one and walking a graph by reflection cost every engine call tens of milliseconds.
/// </summary>
public static partial class YamlText
{
    /// <param name="tree">The root: a map, a list or a scalar.</param>
    /// <param name="styleFor">A style for a string that must not be left to the emitter, or null to leave it.</param>
    public static string Write(object tree, Func<string, ScalarStyle?>? styleFor = null)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(text);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        WriteNode(emitter, tree, styleFor);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void WriteNode(IEmitter emitter, object? value, Func<string, ScalarStyle?>? styleFor)
    {
        switch (value)
        {
            case null:
                Emit(emitter, "", ScalarStyle.Plain);
                break;
            case string text:
                Emit(emitter, text, styleFor?.Invoke(text) ?? (NeedsQuotes(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any));
                break;
            case bool flag:
                Emit(emitter, flag ? "true" : "false", ScalarStyle.Plain);
                break;
            case int or long or decimal:
                Emit(emitter, Convert.ToString(value, Numbers)!, ScalarStyle.Plain);
                break;
            case double real:
                Emit(emitter, real.ToString("G", Numbers), ScalarStyle.Plain);
                break;
            case IDictionary map:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Any));
                foreach (DictionaryEntry entry in map)
                {
                    WriteNode(emitter, (string)entry.Key, styleFor);
                    WriteNode(emitter, entry.Value, styleFor);
                }
                emitter.Emit(new MappingEnd());
                break;
            case IEnumerable list:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Any));
                foreach (var item in list)
                {
                    WriteNode(emitter, item, styleFor);
                }
                emitter.Emit(new SequenceEnd());
                break;
            default:
                throw new ArgumentException($"{value.GetType()} is not a plain tree value.", nameof(value));
        }
    }

    private static void Emit(IEmitter emitter, string text, ScalarStyle style) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, style, isPlainImplicit: true, isQuotedImplicit: true));

    /// <summary>The serializer's number format: invariant digits, YAML's names for infinities and NaN.</summary>
    private static readonly NumberFormatInfo Numbers = new()
    {
        NumberDecimalSeparator = ".",
        NaNSymbol = ".nan",
        PositiveInfinitySymbol = ".inf",
        NegativeInfinitySymbol = "-.inf",
    };

    /// <summary>Blank, or read as something other than a string by a YAML 1.1 or 1.2 reader.</summary>
    private static bool NeedsQuotes(string text) => text.Trim().Length == 0 || NonStringScalar().IsMatch(text);

    // The set YamlDotNet's serializer quotes with quoteYaml1_1Strings (its TypeAssigningEventEmitter):
    // YAML 1.1 and 1.2 nulls, booleans, integers (base 2, 8, 10, 16, 60) and floats.
    [GeneratedRegex("""
        ^(?:
            null | Null | NULL | ~
          | true | True | TRUE | false | False | FALSE
          | y | Y | yes | Yes | YES | n | N | no | No | NO
          | on | On | ON | off | Off | OFF
          | [-+]?0b[01_]+
          | [-+]?0o?[0-7_]+
          | [-+]?(?:0|[1-9][0-9_]*)
          | [-+]?0x[0-9a-fA-F_]+
          | [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+
          | [-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+][0-9]+)?
          | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
          | [-+]?\.(?:inf|Inf|INF)
          | \.(?:nan|NaN|NAN)
        )$
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex NonStringScalar();
}
