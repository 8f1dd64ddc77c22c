using Multicloud.Verify.Cli;
using Multicloud.Verify.Report;

namespace Multicloud.Verify;

/// <summary>The command: exit 0 when every hop is OK (and the metrics went out), 1 when one failed, 2 on bad input.</summary>
internal static class VerifyProgram
{
    public const int Ok = 0;
    public const int HopFailed = 1;
    public const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, VerifyServices services, CancellationToken cancellation)
    {
        try
        {
            var options = VerifyCommandLine.Parse(args, services.Environment, stdout, stderr);
            if (options is null)
            {
                return Ok; // --help
            }

            var report = await new Verifier(services, stderr).RunAsync(options, cancellation);
            ReportWriter.Write(report, options.Format, stdout);
            return report.Ok ? Ok : HopFailed;
        }
        catch (UsageException error)
        {
            stderr.WriteLine($"error: {error.Message}");
            return UsageError;
        }
    }
}
