namespace Infra.Model;

/// <summary>
/// The one place provider versions are pinned. Every resource carries its package's version,
/// so the engine installs exactly these plugins; tools/schema-check pins the same npm versions.
/// </summary>
public static class ProviderVersions
{
    public static readonly IReadOnlyDictionary<string, string> ByPackage = new SortedList<string, string>(StringComparer.Ordinal)
    {
        ["aws"] = "7.48.0",
        ["azure-native"] = "3.28.0",
        ["random"] = "4.21.2",
    };

    /// <summary>Packages of this project (Pulumi.yaml <c>packages:</c>, a folder in the repository): loaded from there, no version.</summary>
    public static readonly IReadOnlySet<string> ProjectPackages = new SortedSet<string>(StringComparer.Ordinal) { "otel" };

    /// <summary>The version a resource of the package pins: none for a project package.</summary>
    public static string? VersionOf(string package) => ProjectPackages.Contains(package) ? null : For(package);

    public static string For(string package) =>
        ByPackage.TryGetValue(package, out var version)
            ? version
            : throw new InvalidOperationException($"No pinned version for provider package '{package}'; add it to {nameof(ProviderVersions)}.");
}
