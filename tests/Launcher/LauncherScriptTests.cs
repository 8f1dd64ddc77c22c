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
    public void Gitattributes_keep_those_line_ends_on_checkout()
    {
        var attributes = Read(".gitattributes");

        Assert.Contains("tools/synth/compile text eol=lf", attributes);
        Assert.Contains("*.cmd text eol=crlf", attributes);
    }
}
