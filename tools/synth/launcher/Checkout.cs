namespace SynthLauncher;

/// <summary>The paths the launcher works with, all under one checkout of the repository.</summary>
internal sealed class Checkout(string root)
{
    public const string LauncherProjectPath = "tools/synth/launcher/SynthLauncher.csproj";

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Builds, the lock and the input list of the latest build; ignored by git.</summary>
    public string Store => Path.Combine(Root, ".synth");

    public string Builds => Path.Combine(Store, "builds");

    public string InputList => Path.Combine(Store, "inputs");

    public string SynthProject => Path.Combine(Root, "Infra.csproj");

    public string InputsTargets => Path.Combine(Root, "tools", "synth", "SynthInputs.targets");

    public string LauncherDirectory => Path.Combine(Root, "tools", "synth", "launcher");

    public string LauncherProject => Path.Combine(Root, LauncherProjectPath);

    /// <summary>
    /// Where the entry scripts find the launcher, on every OS. On Windows the engine itself runs it:
    /// Go's os/exec completes <c>tools/synth/compile</c> with the PATHEXT extensions, .exe before .cmd
    /// (golang/go src/os/exec/lp_windows.go, findExecutable), so no cmd.exe stands in between.
    /// </summary>
    public string InstalledLauncher => Path.Combine(Root, "tools", "synth", "compile.exe");

    /// <summary>The digest of the sources the installed launcher was built from.</summary>
    public string InstalledLauncherDigest => Path.Combine(Store, "launcher.digest");

    /// <summary>The checkout holding <paramref name="directory"/>: the launcher runs from tools/synth/ or from .synth/launcher/*/.</summary>
    public static Checkout Above(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if (File.Exists(Path.Combine(current.FullName, LauncherProjectPath)))
            {
                return new Checkout(current.FullName);
            }
        }
        throw new UserError($"no checkout above {directory} (looked for {LauncherProjectPath}); run tools/synth/compile from a clone of the repository.");
    }
}
