namespace SynthLauncher;

/// <summary>
/// The launcher's own sources, as "sha256 relative/path" lines: those this binary was built from (embedded
/// by SynthLauncher.csproj at build time) and those in the checkout now. They differ after an edit of the
/// launcher, which then rebuilds itself (LauncherInstall) before it decides anything else.
/// </summary>
internal static class LauncherSources
{
    public static string Built { get; } = Digest(ReadEmbedded());

    public static string Current(Checkout checkout)
    {
        var files = SourceTree.Files(checkout.LauncherDirectory, ".cs", ".csproj");
        return Digest(files.Select(file => $"{Sha256Text.OfFile(Path.Combine(checkout.LauncherDirectory, file))} {file}"));
    }

    /// <summary>One digest for a set of lines, whatever their order and path separators.</summary>
    public static string Digest(IEnumerable<string> lines) =>
        Sha256Text.Of(string.Join('\n', lines.Select(line => line.Trim().Replace('\\', '/').ToLowerInvariant()).Where(line => line.Length > 0).Order(StringComparer.Ordinal)));

    private static IEnumerable<string> ReadEmbedded()
    {
        using var stream = typeof(LauncherSources).Assembly.GetManifestResourceStream("launcher-sources.txt")
            ?? throw new InvalidOperationException("launcher-sources.txt is not embedded: build the launcher with tools/synth/launcher/SynthLauncher.csproj.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n');
    }
}
