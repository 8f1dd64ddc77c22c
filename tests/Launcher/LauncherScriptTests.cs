using System.Diagnostics;

namespace Infra.Tests.Launcher;

/// <summary>
/// The two entry scripts, each for the loader that reads it: sh needs LF (a CR ends up in every command),
/// cmd.exe needs CRLF (it misreads labels in a file with bare LFs). .gitattributes keeps them so on every OS.
/// </summary>
public class LauncherScriptTests
{
    private static string Read(string path) => File.ReadAllText(Path.Combine(TestSupport.RepoRoot, path));

    [Theory]
    [InlineData("tools/synth/compile")]
    [InlineData("tools/bench/synth-bench")]
    [InlineData(".ci/run")]
    public void Shell_scripts_have_lf_line_ends(string path) => Assert.DoesNotContain('\r', Read(path));

    [Fact]
    public void The_windows_entry_has_crlf_line_ends_only()
    {
        var text = Read("tools/synth/compile.cmd");

        Assert.Equal(text.Split('\n').Length - 1, text.Split("\r\n").Length - 1);
        Assert.EndsWith("\r\n", text);
    }

    [Theory]
    [InlineData("tools/synth/compile", "\"$here/compile.exe\"", "$here/launcher/SynthLauncher.csproj")]
    [InlineData("tools/synth/compile.cmd", "\"%here%compile.exe\"", "%here%launcher\\SynthLauncher.csproj")]
    public void Both_entries_run_the_installed_launcher_and_build_it_from_the_same_project(string script, string launcher, string project)
    {
        var text = Read(script);

        Assert.Contains(launcher, text);
        Assert.Contains($"dotnet publish \"{project}\" --disable-build-servers", text);
        Assert.Contains("-p:PublishAot=false -p:PublishSingleFile=true --self-contained false", text);
    }

    [Fact]
    public async Task Without_dotnet_the_first_call_says_what_to_install_and_prints_no_program()
    {
        var project = Directory.CreateTempSubdirectory("infra-launcher-nodotnet-").FullName;
        var emptyPath = Directory.CreateDirectory(Path.Combine(project, "empty-path")).FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(project, "tools", "synth"));
            foreach (var script in (string[])["compile", "compile.cmd"])
            {
                var target = Path.Combine(project, "tools", "synth", script);
                File.Copy(Path.Combine(TestSupport.RepoRoot, "tools", "synth", script), target);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(target, File.GetUnixFileMode(Path.Combine(TestSupport.RepoRoot, "tools", "synth", script)));
                }
            }
            var start = LauncherRun.StartInfo(project, []);
            start.Environment["PATH"] = emptyPath;

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

            Assert.Equal(1, process.ExitCode);
            Assert.Equal("", await stdout);
            Assert.Contains("compile: error: cannot run 'dotnet': install the .NET 10 SDK and put dotnet on PATH.", await stderr);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Fact]
    public void Gitattributes_keep_those_line_ends_on_checkout()
    {
        var attributes = Read(".gitattributes");

        Assert.Contains("tools/synth/compile text eol=lf", attributes);
        Assert.Contains("*.cmd text eol=crlf", attributes);
    }
}
