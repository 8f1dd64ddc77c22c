namespace SynthLauncher;

/// <summary>What the launcher says: stderr only, since stdout is the program the engine reads.</summary>
internal static class Notice
{
    public static void Write(string message) => Console.Error.WriteLine($"compile: {message}");
}
