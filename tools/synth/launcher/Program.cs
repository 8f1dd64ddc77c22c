namespace SynthLauncher;

/// <summary>
/// The YAML runtime's compiler (Pulumi.yaml): prints the synthesized program on stdout and nothing else.
/// Usage: tools/synth/compile [synth options]   (the engine passes none)
///        tools/synth/compile --print-command   (build if needed, then print the command that runs the synth)
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            var checkout = Checkout.Above(AppContext.BaseDirectory);
            var sources = LauncherSources.Current(checkout);
            if (sources != LauncherSources.Built)
            {
                if (Environment.GetEnvironmentVariable(LauncherInstall.HandedOver) is null)
                {
                    return LauncherInstall.UpdateAndRun(checkout, sources, args);
                }
                Notice.Write("the launcher's sources changed again while it was being built; this call goes on with the build it has.");
            }
            else
            {
                LauncherInstall.InstallSelf(checkout);
            }
            var command = SynthCommand.Of(Builds.Current(checkout, LauncherSources.Built));
            if (args is ["--print-command"])
            {
                Console.WriteLine(command);
                return 0;
            }
            return command.Run(args);
        }
        catch (UserError error)
        {
            Notice.Write($"error: {error.Message}");
            return 1;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // A full disk, a read-only checkout, a file held open by another program: the message names the path.
            Notice.Write($"error: {error.Message} (the launcher keeps its builds in .synth/ and itself in tools/synth/compile.exe; both must be writable)");
            return 1;
        }
    }
}
