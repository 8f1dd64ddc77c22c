using SynthLauncher;

namespace Infra.Tests.Launcher;

/// <summary>
/// A copy of the project as a fresh clone has it, so builds never touch the checkout. Its first two
/// compiler calls run together on the cold tree (one builds, the other waits for the lock) with build
/// servers on; every test of the class then shares that one build.
/// </summary>
public sealed class LauncherProject : IDisposable
{
    private static readonly HashSet<string> Skipped = ["bin", "obj", "node_modules", "tests", "instrumentation"];

    /// <summary>Generous: two cold builds on a loaded 2-core machine.</summary>
    public static readonly TimeSpan ColdTimeout = TimeSpan.FromMinutes(8);

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("infra-launcher-").FullName;

    public IReadOnlyList<LauncherRun> ColdRuns { get; }

    /// <summary>The builds after the cold calls.</summary>
    public IReadOnlyList<string> ColdBuilds { get; }

    /// <summary>Whether the build lock was free as soon as both cold calls had returned.</summary>
    public bool LockFreeAfterColdRuns { get; }

    internal Checkout Checkout => new(Directory);

    public string BuildsDirectory => Checkout.Builds;

    public LauncherProject()
    {
        Copy(TestSupport.RepoRoot, Directory);
        ColdRuns = RunColdAsync().GetAwaiter().GetResult();
        using (var free = BuildLock.TryAcquire(Checkout))
        {
            LockFreeAfterColdRuns = free is not null;
        }
        ColdBuilds = System.IO.Directory.GetDirectories(BuildsDirectory).Where(path => !Path.GetFileName(path).StartsWith('.')).ToList();
    }

    /// <summary>
    /// The first call builds the launcher, installs it and builds the synth; the second starts as soon as
    /// the launcher is installed, so it finds no build while the first is making one and must wait.
    /// </summary>
    private async Task<IReadOnlyList<LauncherRun>> RunColdAsync()
    {
        var first = RunAsync(ColdTimeout, "--stack", "dev");
        while (!File.Exists(Checkout.InstalledLauncher) && !first.IsCompleted)
        {
            await Task.Delay(100);
        }
        var second = RunAsync(ColdTimeout, "--stack", "dev");
        return await Task.WhenAll(first, second);
    }

    public Task<LauncherRun> RunAsync(TimeSpan timeout, params string[] args) => LauncherRun.RunAsync(Directory, timeout, args);

    /// <summary>The directory of the build the copy's sources call for now.</summary>
    public string CurrentBuild => Path.Combine(BuildsDirectory, SynthKey.Compute(Checkout, LauncherSources.Current(Checkout)));

    /// <summary>Tracked and untracked files, as a clone has them: no build output, no installed launcher.</summary>
    private static void Copy(string from, string to)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(from))
        {
            var name = Path.GetFileName(file);
            if (name == "compile.exe" || name.StartsWith('.') && name != ".gitattributes")
            {
                continue;
            }
            var target = Path.Combine(to, name);
            File.Copy(file, target);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, File.GetUnixFileMode(file));
            }
        }
        foreach (var directory in System.IO.Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(directory);
            if (!name.StartsWith('.') && !Skipped.Contains(name))
            {
                Copy(directory, System.IO.Directory.CreateDirectory(Path.Combine(to, name)).FullName);
            }
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
