using System.Diagnostics;

namespace SynthLauncher;

/// <summary>The command that runs a finished build of the synth: its native executable, or dotnet Infra.dll.</summary>
internal sealed record SynthCommand(string FileName, IReadOnlyList<string> Prefix)
{
    public static SynthCommand Of(string build)
    {
        var app = Path.Combine(build, "app");
        var kind = File.ReadAllText(Path.Combine(build, SynthBuild.KindFile)).Split(' ', '\n')[0];
        return kind == "NativeAOT"
            ? new SynthCommand(Path.Combine(app, OperatingSystem.IsWindows() ? "Infra.exe" : "Infra"), [])
            : new SynthCommand("dotnet", [Path.Combine(app, "Infra.dll")]);
    }

    /// <summary>As one line (what --print-command shows).</summary>
    public override string ToString() => string.Join(' ', [FileName, .. Prefix]);

    /// <summary>Runs <c>synth</c> with the caller's arguments, its stdin, stdout and stderr; returns its exit code.</summary>
    public int Run(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(FileName) { UseShellExecute = false };
        foreach (var arg in (string[])[.. Prefix, "synth", .. args])
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Remove(LauncherInstall.HandedOver);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
