using System.ComponentModel;
using System.Diagnostics;

namespace SynthLauncher;

/// <summary>
/// Runs <c>dotnet publish</c> for the launcher: its stdout goes to our stderr (stdout is the program), and
/// no build server outlives it. A server (VBCSCompiler, MSBuild node reuse) would inherit the engine's
/// stderr pipe, and Go's exec.Cmd.Wait waits for every holder of that pipe to close it (golang/go
/// src/os/exec/exec.go, awaitGoroutines; pulumi-yaml sets no WaitDelay): a preview would stall for as long
/// as the server idles, about ten minutes. <c>--disable-build-servers</c> forwards
/// UseSharedCompilation=false, UseRazorBuildServer=false and /nodeReuse:false (dotnet/sdk CommonOptions.cs).
/// </summary>
internal static class DotnetPublish
{
    /// <summary>How a publish ended; CompileErrors when the C# compiler refused a source (no other kind of build can help then).</summary>
    public sealed record Result(int ExitCode, bool CompileErrors)
    {
        public bool Succeeded => ExitCode == 0;
    }

    public static Result Run(string project, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["publish", project, "--disable-build-servers", "--nologo", "-v", "q", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0"; // the MSBuild server is a build server too
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            throw new UserError("cannot run 'dotnet': install the .NET 10 SDK and put dotnet on PATH.");
        }
        using (process)
        {
            var compileErrors = false;
            var copied = Task.Run(() =>
            {
                while (process.StandardOutput.ReadLine() is { } line)
                {
                    compileErrors |= line.Contains(": error CS", StringComparison.Ordinal);
                    Console.Error.WriteLine(line);
                }
            });
            process.WaitForExit();
            // With build servers off nothing else holds the pipe; should one still, do not wait for it.
            copied.Wait(TimeSpan.FromSeconds(10));
            return new Result(process.ExitCode, compileErrors);
        }
    }
}
