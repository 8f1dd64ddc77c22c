using System.Runtime.InteropServices;

namespace SynthLauncher;

/// <summary>
/// This machine's portable runtime identifier (linux-x64, osx-arm64, win-x64, linux-musl-x64), the one
/// NuGet has runtime packs for; a distro's own RID (ubuntu.24.04-x64) has none.
/// </summary>
internal static class PortableRid
{
    public static string Current { get; } = $"{Os()}-{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}";

    private static string Os() =>
        OperatingSystem.IsWindows() ? "win"
        : OperatingSystem.IsMacOS() ? "osx"
        : RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal) ? "linux-musl"
        : "linux";
}
