using System.Diagnostics;
using System.Runtime.Versioning;

namespace Infra.Tests;

/// <summary>
/// A copy of the project, so builds never touch the checkout: the launcher's first two calls run
/// together on a cold tree (one builds, the other waits for the lock).
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class LauncherProject : IDisposable
{
    public const string Launcher = "tools/synth/compile";
    private static readonly string[] Skipped = ["bin", "obj", "tests", "node_modules", "instrumentation"];

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("infra-launcher-").FullName;

    public IReadOnlyList<CompilerLauncherTests.Run> ColdRuns { get; }

    /// <summary>The builds after the cold calls.</summary>
    public IReadOnlyList<string> ColdBuilds { get; }

    public LauncherProject()
    {
        Copy(TestSupport.RepoRoot, Directory);
        ColdRuns = Task.WhenAll(RunAsync(), RunAsync()).GetAwaiter().GetResult();
        ColdBuilds = System.IO.Directory.GetDirectories(BuildsDirectory).Where(path => !Path.GetFileName(path).StartsWith('.')).ToList();
    }

    public Task<CompilerLauncherTests.Run> RunAsync() => CompilerLauncherTests.RunLauncherAsync(Directory, "--stack", "dev");

    public string BuildsDirectory => Path.Combine(Directory, ".synth", "builds");

    private static void Copy(string from, string to)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            File.SetUnixFileMode(Path.Combine(to, Path.GetFileName(file)), File.GetUnixFileMode(file));
        }
        foreach (var directory in System.IO.Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(directory);
            if (name.StartsWith('.') || Skipped.Contains(name))
            {
                continue;
            }
            Copy(directory, System.IO.Directory.CreateDirectory(Path.Combine(to, name)).FullName);
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

/// <summary>
/// <c>tools/synth/compile</c>, the compiler the engine runs: stdout is exactly the program, even on a
/// cold build, and a changed source is rebuilt before it synthesizes, whatever its timestamp says.
/// </summary>
[UnsupportedOSPlatform("windows")]
public class CompilerLauncherTests(LauncherProject project) : IClassFixture<LauncherProject>
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    private const string BuildingNotice = "compile: building the synth";

    [Fact]
    public void Two_concurrent_cold_calls_both_print_exactly_the_program_and_build_once()
    {
        var expected = TestSupport.Synth("dev");
        Assert.All(project.ColdRuns, run =>
        {
            Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
            Assert.Equal(expected, run.Stdout);
        });
        // One call built (saying so on stderr only), the other waited for its build.
        Assert.Single(project.ColdRuns, run => run.Stderr.Contains(BuildingNotice, StringComparison.Ordinal));
        Assert.Single(project.ColdBuilds);
    }

    [Fact]
    public async Task An_unchanged_tree_runs_the_existing_build_without_building()
    {
        var builds = Directory.GetDirectories(project.BuildsDirectory);

        var run = await project.RunAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.Equal(builds, Directory.GetDirectories(project.BuildsDirectory));
    }

    [Fact]
    public async Task A_changed_source_with_its_old_timestamp_is_rebuilt_before_it_synthesizes()
    {
        await project.RunAsync(); // whatever state the other tests left, a build for it exists now
        var source = Path.Combine(project.Directory, "Stacks", "ObservabilityStack.cs");
        var timestamp = File.GetLastWriteTimeUtc(source);
        const string Original = "Multicloud observability pipeline: one trace across AWS X-Ray and Azure Monitor.";
        const string Changed = "Changed for the launcher test, so a rebuilt synth says so.";
        File.WriteAllText(source, File.ReadAllText(source).Replace(Original, Changed, StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(source, timestamp);

        var run = await project.RunAsync();

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        Assert.Contains(BuildingNotice, run.Stderr);
        Assert.Contains($"description: {Changed}", run.Stdout);
        Assert.DoesNotContain(Original, run.Stdout);
        Assert.StartsWith("name: otel-multicloud\n", run.Stdout);
    }

    /// <summary>Runs the launcher as the engine does: no shell, in the project directory, without the engine's variables.</summary>
    public static async Task<Run> RunLauncherAsync(string projectDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(projectDirectory, LauncherProject.Launcher))
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // Not the test host's MSBuild or engine settings: the launcher's build is a fresh, outside one.
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("PULUMI_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await stdout, await stderr);
    }
}
