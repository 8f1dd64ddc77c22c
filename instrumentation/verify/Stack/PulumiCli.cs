using System.ComponentModel;
using System.Diagnostics;
using Multicloud.Verify.Cli;

namespace Multicloud.Verify.Stack;

/// <summary>Reads the stack's outputs with the Pulumi CLI, which must be installed and logged in to the stack's backend.</summary>
internal static class PulumiCli
{
    public static async Task<string> StackOutputJsonAsync(string stack, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo("pulumi")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "stack", "output", "--json", "--show-secrets", "--stack", stack })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new UsageException("could not start the pulumi CLI.");
        }
        catch (Win32Exception)
        {
            throw new UsageException("the pulumi CLI is not on PATH: install it and log in to the stack's backend, or give --outputs FILE (the output of `pulumi stack output --json --show-secrets --stack <stack>`).");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
            var stderr = process.StandardError.ReadToEndAsync(cancellation);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            limit.CancelAfter(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new UsageException("`pulumi stack output` did not finish within 2 minutes: check the backend login (pulumi whoami).");
            }

            if (process.ExitCode != 0)
            {
                // Pulumi's own message (stack not found, not logged in, passphrase missing); it holds no output values.
                var reason = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";
                throw new UsageException($"`pulumi stack output --stack {stack}` failed ({reason}): log in to the stack's backend, set PULUMI_CONFIG_PASSPHRASE for a passphrase stack, or give --outputs FILE.");
            }

            return await stdout;
        }
    }
}
