namespace SynthLauncher;

/// <summary>
/// Builds the synth into a fresh staging directory (no timestamps trusted) and moves it to
/// .synth/builds/&lt;key&gt;: app/ (the published synth), inputs (the files that went into it, written by
/// SynthInputs.targets) and kind (what was built), written last: a build directory without it is unfinished.
/// Native AOT first: the engine starts the synth at least twice per preview and a native start costs no
/// JIT. Without a C toolchain, ReadyToRun; where neither works, a plain build.
/// </summary>
internal static class SynthBuild
{
    public const string KindFile = "kind";

    private static readonly (string Kind, string[] Arguments)[] Kinds =
    [
        ("NativeAOT", ["-r", PortableRid.Current, "-p:PublishAot=true"]),
        ("ReadyToRun", ["-r", PortableRid.Current, "--self-contained", "false", "-p:PublishReadyToRun=true", "-p:UseAppHost=false"]),
        ("JIT", ["-p:UseAppHost=false"]),
    ];

    /// <summary>Builds until the sources hold still during a build; returns the key of the build made.</summary>
    public static string Run(Checkout checkout, string launcherDigest, string key)
    {
        while (true)
        {
            Notice.Write("building the synth (a build input changed, or there is no build yet)");
            var staging = Path.Combine(checkout.Builds, $".staging-{Environment.ProcessId}");
            try
            {
                Publish(checkout, staging);
                // A source edited during the build: the build may have read either version, so build again.
                if (SynthKey.Compute(checkout, launcherDigest) != key)
                {
                    key = SynthKey.Compute(checkout, launcherDigest);
                    continue;
                }
                File.Copy(Path.Combine(staging, "inputs"), checkout.InputList + ".new", overwrite: true);
                File.Move(checkout.InputList + ".new", checkout.InputList, overwrite: true);
                key = SynthKey.Compute(checkout, launcherDigest); // with the new build's input list
                var final = Path.Combine(checkout.Builds, key);
                DeleteDirectory(final);
                Directory.Move(staging, final);
                KeepNewest(checkout, 3); // switching branches back and forth needs no rebuild
                return key;
            }
            finally
            {
                DeleteDirectory(staging); // a failed build leaves nothing behind
            }
        }
    }

    private static void Publish(Checkout checkout, string staging)
    {
        DeleteDirectory(staging);
        Directory.CreateDirectory(staging);
        var app = Path.Combine(staging, "app");
        var artifacts = Path.Combine(staging, "artifacts");
        string[] common =
        [
            "-c", "Release", "--artifacts-path", artifacts, "-o", app,
            $"-p:CustomAfterMicrosoftCommonTargets={checkout.InputsTargets}",
            $"-p:SynthInputsFile={Path.Combine(staging, "inputs")}",
        ];
        foreach (var (kind, arguments) in Kinds)
        {
            DeleteDirectory(app);
            DeleteDirectory(artifacts);
            var result = DotnetPublish.Run(checkout.SynthProject, [.. common, .. arguments]);
            if (result.Succeeded)
            {
                DeleteDirectory(artifacts);
                File.WriteAllText(Path.Combine(staging, KindFile), kind == "JIT" ? "JIT\n" : $"{kind} {PortableRid.Current}\n");
                return;
            }
            if (result.CompileErrors)
            {
                break; // the sources do not compile: no other kind of build would
            }
            if (kind == "NativeAOT")
            {
                Notice.Write($"no native AOT build for {PortableRid.Current} here (it needs a C toolchain: clang or gcc, or Visual Studio's C++ tools on Windows); trying ReadyToRun");
            }
            else if (kind == "ReadyToRun")
            {
                Notice.Write($"no ReadyToRun build for {PortableRid.Current} here; trying a plain build");
            }
        }
        throw new UserError("the synth does not build (the errors are above); fix them and run the compiler again.");
    }

    private static void KeepNewest(Checkout checkout, int count)
    {
        var old = new DirectoryInfo(checkout.Builds).GetDirectories()
            .Where(directory => !directory.Name.StartsWith('.'))
            .OrderByDescending(directory => directory.LastWriteTimeUtc)
            .Skip(count);
        foreach (var directory in old)
        {
            DeleteDirectory(directory.FullName);
        }
    }

    public static void DeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // Windows: a file in it is in use (a synth still running from an old build); the next build retries.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
