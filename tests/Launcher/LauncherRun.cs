using System.Diagnostics;

namespace Infra.Tests.Launcher;

/// <summary>One call of the compiler command: what it printed, how it ended, and how long until the caller could go on.</summary>
public sealed record LauncherRun(int ExitCode, string Stdout, string Stderr, TimeSpan Duration)
{
    public const string BuildingNotice = "compile: building the synth";

    /// <summary>The entry the engine resolves: compile.cmd on Windows (then compile.exe, once installed), the sh script elsewhere.</summary>
    public static string EntryScript(string projectDirectory) =>
        Path.Combine(projectDirectory, "tools", "synth", OperatingSystem.IsWindows() ? "compile.cmd" : "compile");

    /// <summary>
    /// Runs the compiler as the engine does: no shell, in the project directory, reading stdout and stderr
    /// to their end (Go's exec.Cmd.Wait waits for that too). The environment is a developer's default one:
    /// not the test host's MSBuild or engine variables, and build servers on (this machine turns them off
    /// with UseSharedCompilation=false and friends; a developer's does not).
    /// </summary>
    public static async Task<LauncherRun> RunAsync(string projectDirectory, TimeSpan timeout, params string[] args)
    {
        var start = StartInfo(projectDirectory, args);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var deadline = new CancellationTokenSource(timeout))
        {
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{start.FileName} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:0} s.");
            }
        }
        var streams = Task.WhenAll(stdout, stderr);
        if (await Task.WhenAny(streams, Task.Delay(TimeSpan.FromSeconds(30))) != streams)
        {
            Assert.Fail($"{start.FileName} exited after {clock.Elapsed.TotalSeconds:0} s, but its stdout or stderr stayed open 30 s longer: "
                + "a process it started (a build server?) still holds them, and the engine would wait for it.");
        }
        return new LauncherRun(process.ExitCode, await stdout, await stderr, clock.Elapsed);
    }

    public static ProcessStartInfo StartInfo(string projectDirectory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(EntryScript(projectDirectory))
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        var removed = start.Environment.Keys.Where(name =>
            name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("PULUMI_", StringComparison.Ordinal)
            || name.Equals("UseSharedCompilation", StringComparison.OrdinalIgnoreCase)
            || name.Equals("DOTNET_CLI_USE_MSBUILD_SERVER", StringComparison.OrdinalIgnoreCase)
            || name.Equals("SYNTH_LAUNCHER_HANDED_OVER", StringComparison.Ordinal)).ToList();
        foreach (var name in removed)
        {
            start.Environment.Remove(name);
        }
        return start;
    }
}
