namespace Infra.Tests;

/// <summary>
/// Assertions on a refusal by what it must tell the user (issue 18): where (the source), what (the qualified key
/// and its value) and how to fix it, instead of quoting the whole sentence. Each phrase is checked on its own,
/// so rewording the rest of a message does not break a test, but dropping the key, the value or the fix does.
/// </summary>
public static class ErrorMessageAssert
{
    /// <summary>
    /// A refusal as printed on stderr: exactly one line, "error: {start}…\n". Returns the line without its newline.
    /// </summary>
    public static string AssertOneErrorLine(string stderr, string start)
    {
        Assert.StartsWith($"error: {start}", stderr);
        Assert.EndsWith("\n", stderr);
        var line = stderr[..^1];
        AssertOneLine(line);
        return line;
    }

    /// <summary>
    /// A refusal as printed on stderr: one line starting "error: {source}: ", naming <paramref name="key"/>
    /// (as "{key} = {value}" when a value is given) and containing each of <paramref name="fixes"/>.
    /// </summary>
    public static void AssertNamesProblem(string stderr, string source, string key, string? value, params string[] fixes) =>
        AssertSays(AssertOneErrorLine(stderr, $"{source}: "), key, value, fixes);

    /// <summary>
    /// A refusal as thrown (<see cref="Infra.Settings.UserError.Message"/>): one line starting "{source}: ",
    /// naming <paramref name="key"/> (as "{key} = {value}" when a value is given) and containing each of <paramref name="fixes"/>.
    /// </summary>
    public static void AssertMessageNamesProblem(string message, string source, string key, string? value, params string[] fixes)
    {
        Assert.StartsWith($"{source}: ", message);
        AssertOneLine(message);
        AssertSays(message, key, value, fixes);
    }

    private static void AssertOneLine(string line)
    {
        Assert.DoesNotContain("\n", line);
        Assert.DoesNotContain("\r", line);
    }

    private static void AssertSays(string line, string key, string? value, string[] fixes)
    {
        Assert.Contains(value is null ? key : $"{key} = {value}", line);
        foreach (var fix in fixes)
        {
            Assert.Contains(fix, line);
        }
    }
}
