using System.Diagnostics;

namespace SynthLauncher;

/// <summary>
/// One build at a time per checkout. The lock is a .NET FileStream opened with FileShare.None (flock on
/// Unix, a share lock on Windows), and .NET opens files non-inheritable (O_CLOEXEC), so no process the
/// build starts (VBCSCompiler, MSBuild nodes) can keep holding it after this process lets go. The holder
/// writes its PID beside it, so a call that has to wait can say whom it waits for.
/// </summary>
internal sealed class BuildLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _ownerFile;

    private BuildLock(FileStream @lock, string ownerFile)
    {
        _lock = @lock;
        _ownerFile = ownerFile;
    }

    public static string LockFile(Checkout checkout) => Path.Combine(checkout.Store, "build.lock");

    public static string OwnerFile(Checkout checkout) => Path.Combine(checkout.Store, "build.lock.owner");

    /// <summary>Takes the lock, waiting as long as another process holds it; says once on stderr whom it waits for.</summary>
    public static BuildLock Acquire(Checkout checkout, Action<string> notice, TimeSpan? poll = null)
    {
        Directory.CreateDirectory(checkout.Store);
        var waitingSince = Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            if (TryAcquire(checkout) is { } acquired)
            {
                return acquired;
            }
            // The holder writes its PID just after it takes the lock: give it a moment before saying "unknown".
            var owner = ReadOwner(checkout);
            if (!told && (owner is not null || waitingSince.Elapsed > TimeSpan.FromSeconds(1)))
            {
                notice(WaitingMessage(checkout, owner));
                told = true;
            }
            Thread.Sleep(poll ?? TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>The lock if no one holds it, else null.</summary>
    public static BuildLock? TryAcquire(Checkout checkout)
    {
        Directory.CreateDirectory(checkout.Store);
        FileStream stream;
        try
        {
            stream = new FileStream(LockFile(checkout), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException error) when (IsHeldElsewhere(error))
        {
            return null;
        }
        var owner = OwnerFile(checkout);
        var temporary = $"{owner}.{Environment.ProcessId}";
        File.WriteAllText(temporary, $"{Environment.ProcessId}\n");
        File.Move(temporary, owner, overwrite: true);
        return new BuildLock(stream, owner);
    }

    public static int? ReadOwner(Checkout checkout)
    {
        try
        {
            return int.TryParse(File.ReadAllText(OwnerFile(checkout)).Trim(), out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null; // Windows: the owner file is being replaced right now
        }
    }

    private static string WaitingMessage(Checkout checkout, int? owner)
    {
        var holder = owner is { } pid ? $"PID {pid}{(IsRunning(pid) ? "" : ", which has exited; a process it left behind holds the lock")}" : "PID unknown";
        return $"waiting for another build of the synth in this checkout ({holder}); it holds {Path.GetRelativePath(checkout.Root, LockFile(checkout))}.";
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Windows: ERROR_SHARING_VIOLATION (32) or ERROR_LOCK_VIOLATION (33). Unix: .NET's failed
    /// flock(LOCK_EX | LOCK_NB) carries the raw errno, EWOULDBLOCK: 11 on Linux, 35 on macOS.
    /// </summary>
    private static bool IsHeldElsewhere(IOException error) =>
        OperatingSystem.IsWindows() ? (error.HResult & 0xFFFF) is 32 or 33 : error.HResult is 11 or 35;

    public void Dispose()
    {
        // Say no one holds it before letting go, so a waiter never reads a stale PID as the holder's.
        try
        {
            File.Delete(_ownerFile);
        }
        catch (IOException)
        {
        }
        _lock.Dispose();
    }
}
