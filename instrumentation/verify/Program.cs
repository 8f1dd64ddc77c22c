using Multicloud.Verify;

using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};

// stdout: the report (one line per hop, or JSON); stderr: progress and errors.
return await VerifyProgram.RunAsync(args, Console.Out, Console.Error, VerifyServices.Default(), interrupted.Token);
