using System.Globalization;
using System.Text;

namespace Infra.Settings;

/// <summary>A mistake the user can fix (stack, config, input); printed without a stack trace, exit code 2.</summary>
public sealed class UserError(string message) : Exception(message)
{
    /// <summary>Longest piece of the user's own text a message repeats; the rest is counted, not printed.</summary>
    public const int MaxShownLength = 300;

    /// <summary>
    /// The user's text as a message shows it: control characters (a newline, a tab, a NUL) escaped so the
    /// message stays one readable line, and a huge value cut short with its length.
    /// </summary>
    public static string Show(string text)
    {
        var cut = text.Length <= MaxShownLength ? text.Length : char.IsHighSurrogate(text[MaxShownLength - 1]) ? MaxShownLength - 1 : MaxShownLength;
        var shown = EscapeControls(text[..cut]);
        return cut == text.Length ? shown : $"{shown}… ({text.Length} characters)";
    }

    /// <summary>The message as one line: line breaks become spaces, any other control character is escaped.</summary>
    public static string OneLine(string message) => EscapeControls(message.ReplaceLineEndings(" "));

    private static string EscapeControls(string text)
    {
        if (!text.Any(IsEscaped))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                '\0' => @"\0",
                _ when IsEscaped(c) => @"\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }

    private static bool IsEscaped(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
