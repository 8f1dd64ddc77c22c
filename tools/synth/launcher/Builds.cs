namespace SynthLauncher;

/// <summary>Finds the build the sources call for, building it first (under the lock) when there is none.</summary>
internal static class Builds
{
    /// <summary>The directory of a finished build for the current sources.</summary>
    public static string Current(Checkout checkout, string launcherDigest)
    {
        var key = SynthKey.Compute(checkout, launcherDigest);
        if (IsFinished(checkout, key))
        {
            return Path.Combine(checkout.Builds, key);
        }
        using (BuildLock.Acquire(checkout, Notice.Write))
        {
            key = SynthKey.Compute(checkout, launcherDigest); // another call may have built it while this one waited
            if (!IsFinished(checkout, key))
            {
                Directory.CreateDirectory(checkout.Builds);
                key = SynthBuild.Run(checkout, launcherDigest, key);
            }
        }
        return Path.Combine(checkout.Builds, key);
    }

    private static bool IsFinished(Checkout checkout, string key) => File.Exists(Path.Combine(checkout.Builds, key, SynthBuild.KindFile));
}
