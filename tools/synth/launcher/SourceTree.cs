namespace SynthLauncher;

/// <summary>Source files found by walking a directory, as sorted relative paths with '/' separators.</summary>
internal static class SourceTree
{
    /// <summary>Build outputs, packages and hidden directories (.git, .synth) hold no sources.</summary>
    private static readonly HashSet<string> Skipped = ["bin", "obj", "node_modules"];

    public static IReadOnlyList<string> Files(string directory, params string[] extensions)
    {
        var found = new List<string>();
        Walk(directory, directory, extensions, found);
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static void Walk(string root, string directory, string[] extensions, List<string> found)
    {
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            if (extensions.Any(extension => file.EndsWith(extension, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
            }
        }
        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            var name = Path.GetFileName(child);
            if (!name.StartsWith('.') && !Skipped.Contains(name))
            {
                Walk(root, child, extensions, found);
            }
        }
    }
}
