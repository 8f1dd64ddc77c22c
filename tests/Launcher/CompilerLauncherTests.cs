using System.Diagnostics;
using SynthLauncher;

namespace Infra.Tests.Launcher;

/// <summary>
/// tools/synth/compile, the compiler the engine runs: stdout is exactly the program, even on a cold build;
/// a changed source is rebuilt before it synthesizes, whatever its timestamp says; nothing the build
/// starts keeps the lock or the caller's pipes; a call that waits for a build says for whom.
/// </summary>
public class CompilerLauncherTests(LauncherProject project) : IClassFixture<LauncherProject>
{
    private static readonly TimeSpan WarmTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public void Two_concurrent_cold_calls_both_print_exactly_the_program_and_build_once()
    {
        var expected = TestSupport.SynthComponents("dev");
        Assert.All(project.ColdRuns, run =>
        {
            Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
            Assert.Equal(expected, run.Stdout);
        });
        // The first call built the launcher (saying so on stderr only). One call built the synth, and the
        // other, which found no build while that one was being made, waited for it and said for whom.
        Assert.Contains("compile: building the launcher (first run in this checkout)", project.ColdRuns[0].Stderr);
        Assert.DoesNotContain("compile: building the launcher", project.ColdRuns[1].Stderr);
        var builder = Assert.Single(project.ColdRuns, run => run.Stderr.Contains(LauncherRun.BuildingNotice, StringComparison.Ordinal));
        var waiter = project.ColdRuns.Single(run => !ReferenceEquals(run, builder));
        Assert.Matches(@"compile: waiting for another build of the synth in this checkout \(PID [0-9]+\)", waiter.Stderr);
        Assert.Single(project.ColdBuilds);
        Assert.True(project.LockFreeAfterColdRuns, "the build lock was still held after both calls returned: a process the build started keeps it.");
    }

    [Theory]
    [InlineData("--stack", "dev")]
    [InlineData] // the engine's plugin discovery: no arguments, no config
    public async Task An_unchanged_tree_runs_the_existing_build_without_building(params string[] args)
    {
        var builds = Directory.GetDirectories(project.BuildsDirectory);

        var run = await project.RunAsync(WarmTimeout, args);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.Equal(TestSupport.RunCli(["synth", .. args]).Stdout, run.Stdout);
        Assert.Equal(builds, Directory.GetDirectories(project.BuildsDirectory));
    }

    [Fact]
    public async Task Out_writes_the_program_to_the_file_and_nothing_to_stdout()
    {
        var file = Path.Combine(project.Directory, "plugins-out.yaml");

        var run = await project.RunAsync(WarmTimeout, "--out", file);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        Assert.Equal("", run.Stdout);
        Assert.Equal(TestSupport.RunCli(["synth"]).Stdout, File.ReadAllText(file));
    }

    [Fact]
    public async Task Print_command_names_the_synth_of_the_current_build()
    {
        var run = await project.RunAsync(WarmTimeout, "--print-command");

        Assert.Equal(0, run.ExitCode);
        var command = run.Stdout.TrimEnd('\n').Split(' ');
        Assert.True(File.Exists(command[^1]), $"--print-command printed '{run.Stdout}', which names no file");
        // By its place under the build's directory (macOS may print /private/var for /var).
        Assert.Contains(Path.Combine(".synth", "builds", Path.GetFileName(project.CurrentBuild), "app") + Path.DirectorySeparatorChar, command[^1]);
    }

    [Fact]
    public async Task A_call_that_waits_for_another_build_says_so_with_the_holders_pid()
    {
        Assert.Equal(0, (await project.RunAsync(LauncherProject.ColdTimeout, "--stack", "dev")).ExitCode); // a build for the current sources exists
        var build = project.CurrentBuild;
        var away = Path.Combine(project.BuildsDirectory, ".away-" + Path.GetFileName(build));
        var stderr = new System.Text.StringBuilder();
        var waiting = new TaskCompletionSource();
        Process process;
        // This test holds the lock, as a build would, and hides the build so the launcher must wait for it.
        using (var held = BuildLock.TryAcquire(project.Checkout))
        {
            Assert.NotNull(held);
            Directory.Move(build, away);
            process = Process.Start(LauncherRun.StartInfo(project.Directory, ["--stack", "dev"]))!;
            process.ErrorDataReceived += (_, line) =>
            {
                lock (stderr)
                {
                    stderr.AppendLine(line.Data);
                }
                if (line.Data?.Contains("waiting for another build", StringComparison.Ordinal) == true)
                {
                    waiting.TrySetResult();
                }
            };
            process.BeginErrorReadLine();
            var said = await Task.WhenAny(waiting.Task, Task.Delay(WarmTimeout)) == waiting.Task;
            Directory.Move(away, build); // "the other build" finished
            Assert.True(said, $"no waiting notice within {WarmTimeout.TotalSeconds:0} s; stderr: {stderr}");
        }
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(TestSupport.SynthComponents("dev"), stdout);
        Assert.Contains($"compile: waiting for another build of the synth in this checkout (PID {Environment.ProcessId});", stderr.ToString());
        Assert.DoesNotContain(LauncherRun.BuildingNotice, stderr.ToString());
    }

    [Fact]
    public async Task A_changed_source_with_its_old_timestamp_is_rebuilt_and_no_build_server_holds_up_the_next_call()
    {
        await project.RunAsync(LauncherProject.ColdTimeout, "--stack", "dev"); // whatever state the other tests left, a build for it exists now
        var source = Path.Combine(project.Directory, "Stacks", "ObservabilityStack.cs");
        var original = File.ReadAllText(source);
        var timestamp = File.GetLastWriteTimeUtc(source);
        const string Description = "Multicloud observability pipeline: one trace across AWS X-Ray and Azure Monitor.";
        const string Changed = "Changed for the launcher test, so a rebuilt synth says so.";
        File.WriteAllText(source, original.Replace(Description, Changed, StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(source, timestamp);
        // The cold calls built with build servers on, as a developer's machine does: a server left holding
        // the lock or the pipes would hold this call up for about ten minutes (its idle time).
        var bound = project.ColdRuns.Max(run => run.Duration) + TimeSpan.FromMinutes(2);
        try
        {
            var run = await project.RunAsync(bound, "--stack", "dev");

            Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
            Assert.Contains(LauncherRun.BuildingNotice, run.Stderr);
            Assert.Contains($"description: {Changed}", run.Stdout);
            Assert.DoesNotContain(Description, run.Stdout);
            Assert.StartsWith("name: otel-multicloud\n", run.Stdout);
            using var free = BuildLock.TryAcquire(project.Checkout);
            Assert.True(free is not null, "the build lock was still held after the call returned: a process the build started keeps it.");
        }
        finally
        {
            File.WriteAllText(source, original); // back to the shared build (the newest three are kept)
            File.SetLastWriteTimeUtc(source, timestamp);
        }
    }
}
