using System.Diagnostics;
using SynthLauncher;

namespace Infra.Tests.Launcher;

/// <summary>The build lock: one holder at a time, named to whoever waits, and never passed on to a child process.</summary>
public sealed class LauncherLockTests : IDisposable
{
    private readonly Checkout _checkout = new(Directory.CreateTempSubdirectory("infra-launcher-lock-").FullName);

    [Fact]
    public async Task A_second_caller_waits_for_the_holder_and_names_its_pid_once()
    {
        var notices = new List<string>();
        var held = BuildLock.TryAcquire(_checkout)!;
        var noticed = new TaskCompletionSource();

        var waiter = Task.Run(() => BuildLock.Acquire(_checkout, notice => { lock (notices) { notices.Add(notice); } noticed.TrySetResult(); }, TimeSpan.FromMilliseconds(10)));
        await noticed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(200); // several more polls: still one notice
        Assert.False(waiter.IsCompleted, "the second caller got the lock while it was held");
        held.Dispose();
        using var second = await waiter.WaitAsync(TimeSpan.FromSeconds(30));

        var notice = Assert.Single(notices);
        Assert.Equal($"waiting for another build of the synth in this checkout (PID {Environment.ProcessId}); it holds {Path.Combine(".synth", "build.lock")}.", notice);
        Assert.Null(BuildLock.TryAcquire(_checkout));
    }

    [Fact]
    public void A_child_process_started_while_the_lock_is_held_does_not_keep_it()
    {
        // What VBCSCompiler did to the old launcher's flock on fd 9: inherit it and outlive the build.
        var start = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("powershell", ["-NoProfile", "-Command", "Start-Sleep -Seconds 60"])
            : new ProcessStartInfo("sleep", ["60"]);
        Process child;
        using (var held = BuildLock.TryAcquire(_checkout))
        {
            Assert.NotNull(held);
            child = Process.Start(start)!;
        }
        using (child)
        {
            try
            {
                Assert.False(child.HasExited, "the child must outlive the lock's holder for this test to mean anything");
                using var next = BuildLock.TryAcquire(_checkout);
                Assert.True(next is not null, "the lock is still held: the child process inherited it");
            }
            finally
            {
                child.Kill();
            }
        }
    }

    [Fact]
    public void The_holder_is_unknown_once_the_lock_is_released()
    {
        using (BuildLock.TryAcquire(_checkout))
        {
            Assert.Equal(Environment.ProcessId, BuildLock.ReadOwner(_checkout));
        }

        Assert.Null(BuildLock.ReadOwner(_checkout));
    }

    public void Dispose() => Directory.Delete(_checkout.Root, recursive: true);
}
