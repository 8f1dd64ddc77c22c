using System.Diagnostics;

namespace SynthLauncher;

/// <summary>
/// Keeps tools/synth/compile.exe the launcher its sources call for. The entry scripts build the first
/// one into .synth/launcher/ and run it, and it installs itself; a launcher whose sources changed since
/// it was built publishes the new one, installs it and hands the call over to it.
/// </summary>
internal static class LauncherInstall
{
    /// <summary>Set on the call handed to a freshly built launcher, so a launcher never rebuilds itself twice in one call.</summary>
    public const string HandedOver = "SYNTH_LAUNCHER_HANDED_OVER";

    /// <summary>Copies the running launcher to the installed path when it is not running from there.</summary>
    public static void InstallSelf(Checkout checkout)
    {
        var self = Environment.ProcessPath;
        if (self is null || SamePath(self, checkout.InstalledLauncher))
        {
            return;
        }
        Install(checkout, self, LauncherSources.Built);
    }

    /// <summary>Builds the launcher the current sources call for (unless another call just did), installs it and runs the call with it.</summary>
    public static int UpdateAndRun(Checkout checkout, string currentDigest, IReadOnlyList<string> args)
    {
        using (BuildLock.Acquire(checkout, Notice.Write))
        {
            if (!File.Exists(checkout.InstalledLauncher) || ReadInstalledDigest(checkout) != currentDigest)
            {
                Notice.Write("building the launcher (its sources changed)");
                var output = Path.Combine(checkout.Store, "launcher", $"build-{Environment.ProcessId}");
                try
                {
                    Install(checkout, Publish(checkout, output), currentDigest);
                }
                finally
                {
                    SynthBuild.DeleteDirectory(output);
                }
            }
        }
        var start = new ProcessStartInfo(checkout.InstalledLauncher) { UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment[HandedOver] = "1";
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>Native AOT (a start costs about as much as a hello world in C); without a C toolchain, one framework-dependent file.</summary>
    private static string Publish(Checkout checkout, string output)
    {
        var artifacts = Path.Combine(output, "artifacts");
        var app = Path.Combine(output, "app");
        string[] common = ["-c", "Release", "--artifacts-path", artifacts, "-o", app];
        var native = DotnetPublish.Run(checkout.LauncherProject, common);
        if (!native.Succeeded)
        {
            SynthBuild.DeleteDirectory(app);
            if (native.CompileErrors || !DotnetPublish.Run(checkout.LauncherProject, [.. common, "-p:PublishAot=false", "-p:PublishSingleFile=true", "--self-contained", "false"]).Succeeded)
            {
                throw new UserError("the launcher does not build (the errors are above); fix tools/synth/launcher and run the compiler again.");
            }
            Notice.Write("no native AOT launcher here (it needs a C toolchain); built it framework-dependent");
        }
        return Path.Combine(app, OperatingSystem.IsWindows() ? "synth-launcher.exe" : "synth-launcher");
    }

    /// <summary>
    /// Puts a copy of <paramref name="built"/> in place by rename, so no call ever runs a half-written file.
    /// Windows cannot replace a running executable but can rename it: the old one moves aside first.
    /// </summary>
    private static void Install(Checkout checkout, string built, string digest)
    {
        var target = checkout.InstalledLauncher;
        var aside = Path.Combine(checkout.Store, "launcher", "old");
        Directory.CreateDirectory(aside);
        var copy = $"{target}.{Environment.ProcessId}.new";
        File.Copy(built, copy, overwrite: true);
        try
        {
            if (OperatingSystem.IsWindows() && File.Exists(target))
            {
                File.Move(target, Path.Combine(aside, $"compile-{Environment.ProcessId}-{Stopwatch.GetTimestamp()}.exe"));
            }
            File.Move(copy, target, overwrite: true);
            var digestCopy = $"{checkout.InstalledLauncherDigest}.{Environment.ProcessId}";
            File.WriteAllText(digestCopy, digest + "\n");
            File.Move(digestCopy, checkout.InstalledLauncherDigest, overwrite: true);
        }
        catch (IOException)
        {
            // Another call is installing the same launcher right now; its copy will do.
            File.Delete(copy);
        }
        catch (UnauthorizedAccessException)
        {
            File.Delete(copy);
        }
        foreach (var old in Directory.EnumerateFiles(aside))
        {
            TryDelete(old); // fails while that old launcher still runs (Windows); a later call retries
        }
    }

    private static string? ReadInstalledDigest(Checkout checkout) =>
        File.Exists(checkout.InstalledLauncherDigest) ? File.ReadAllText(checkout.InstalledLauncherDigest).Trim() : null;

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
