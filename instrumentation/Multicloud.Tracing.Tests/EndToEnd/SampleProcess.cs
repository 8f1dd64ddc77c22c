using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Multicloud.Tracing.Tests.EndToEnd;

/// <summary>
/// A sample app run as its own process (`dotnet AwsEdge.dll`), as `dotnet run` would, on a free 127.0.0.1 port.
/// Its own process, because OpenTelemetry listens process-wide: two apps in one process would each export the other's spans.
/// </summary>
public sealed partial class SampleProcess : IAsyncDisposable
{
    // Variables from the developer's shell that would change what the sample does.
    private static readonly string[] InheritedPrefixesToDrop = ["OTEL_", "ASPNETCORE_", "INGEST_", "OTLP_", "AWS_", "REGION_NAME", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"];

    private readonly Process process;
    private readonly StringBuilder output = new();

    private SampleProcess(Process process) => this.process = process;

    public Uri Url { get; private set; } = null!;

    public string Output
    {
        get
        {
            lock (this.output)
            {
                return this.output.ToString();
            }
        }
    }

    public static async Task<SampleProcess> StartAsync(string folder, string assembly, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { "exec", AssemblyPath(folder, assembly) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(k => InheritedPrefixesToDrop.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var sample = new SampleProcess(Process.Start(start)!);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        sample.process.OutputDataReceived += (_, line) => sample.Collect(line.Data, listening);
        sample.process.ErrorDataReceived += (_, line) => sample.Collect(line.Data, listening);
        sample.process.BeginOutputReadLine();
        sample.process.BeginErrorReadLine();

        var exited = sample.process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != listening.Task)
        {
            await sample.DisposeAsync();
            throw new InvalidOperationException($"{assembly} did not start listening. Its output:\n{sample.Output}");
        }

        sample.Url = listening.Task.Result;
        return sample;
    }

    public async ValueTask DisposeAsync()
    {
        if (!this.process.HasExited)
        {
            this.process.Kill(entireProcessTree: true);
        }

        await this.process.WaitForExitAsync();
        this.process.Dispose();
    }

    private void Collect(string? line, TaskCompletionSource<Uri> listening)
    {
        if (line is null)
        {
            return;
        }

        lock (this.output)
        {
            this.output.AppendLine(line);
        }

        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    private static string AssemblyPath(string folder, string assembly)
    {
        var configuration = typeof(SampleProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SamplesConfiguration").Value!;
        var instrumentation = new DirectoryInfo(AppContext.BaseDirectory);
        while (!Directory.Exists(Path.Combine(instrumentation.FullName, "samples", folder)))
        {
            instrumentation = instrumentation.Parent ?? throw new DirectoryNotFoundException($"No samples/{folder} above {AppContext.BaseDirectory}.");
        }

        var path = Path.Combine(instrumentation.FullName, "samples", folder, "bin", configuration, "net10.0", assembly + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the samples first: {path} is missing.", path);
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
