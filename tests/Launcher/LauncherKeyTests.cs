using SynthLauncher;

namespace Infra.Tests.Launcher;

/// <summary>What names a synth build: contents of its inputs, names of the sources in the tree, the launcher itself.</summary>
public sealed class LauncherKeyTests : IDisposable
{
    private const string Launcher = "launcher-digest";
    private readonly Checkout _checkout = new(Directory.CreateTempSubdirectory("infra-launcher-key-").FullName);
    private readonly string _source;

    public LauncherKeyTests()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_checkout.InputsTargets)!);
        File.WriteAllText(_checkout.InputsTargets, "<Project />");
        _source = Write("Stacks/Stack.cs", "class Stack {}");
        Directory.CreateDirectory(_checkout.Store);
        File.WriteAllLines(_checkout.InputList, [_source]);
    }

    [Fact]
    public void An_edit_that_keeps_the_old_timestamp_changes_the_key()
    {
        var before = SynthKey.Compute(_checkout, Launcher);
        var timestamp = File.GetLastWriteTimeUtc(_source);

        File.WriteAllText(_source, "class Stack { int changed; }");
        File.SetLastWriteTimeUtc(_source, timestamp);

        Assert.NotEqual(before, SynthKey.Compute(_checkout, Launcher));
    }

    [Fact]
    public void A_touch_without_an_edit_keeps_the_key()
    {
        var before = SynthKey.Compute(_checkout, Launcher);

        File.SetLastWriteTimeUtc(_source, DateTime.UtcNow.AddHours(1));

        Assert.Equal(before, SynthKey.Compute(_checkout, Launcher));
    }

    [Fact]
    public void A_new_source_file_changes_the_key_before_any_build_lists_it()
    {
        var before = SynthKey.Compute(_checkout, Launcher);

        Write("Components/New.cs", "class New {}");

        Assert.NotEqual(before, SynthKey.Compute(_checkout, Launcher));
    }

    [Theory]
    [InlineData("bin/Debug/Generated.cs")]
    [InlineData("obj/Release/Generated.cs")]
    [InlineData("tools/schema-check/node_modules/x/Thing.cs")]
    [InlineData(".synth/builds/.staging-1/Artifact.cs")]
    [InlineData("notes/README.md")]
    public void Files_that_are_not_sources_leave_the_key_alone(string path)
    {
        var before = SynthKey.Compute(_checkout, Launcher);

        Write(path, "class Generated {}");

        Assert.Equal(before, SynthKey.Compute(_checkout, Launcher));
    }

    [Fact]
    public void A_changed_launcher_or_a_lost_input_changes_the_key()
    {
        var before = SynthKey.Compute(_checkout, Launcher);

        Assert.NotEqual(before, SynthKey.Compute(_checkout, "another-launcher"));
        File.Move(_source, _source + ".moved");
        Assert.NotEqual(before, SynthKey.Compute(_checkout, Launcher));
    }

    [Fact]
    public void The_launcher_built_for_these_tests_matches_its_sources_in_the_checkout()
    {
        // The digest the build embeds (SynthLauncher.csproj, GetFileHash) and the one the launcher computes
        // at run time must agree, or every call would rebuild the launcher.
        Assert.Equal(LauncherSources.Built, LauncherSources.Current(new Checkout(TestSupport.RepoRoot)));
    }

    [Fact]
    public void An_edit_of_a_launcher_source_changes_its_digest()
    {
        var launcher = new Checkout(_checkout.Root);
        Write("tools/synth/launcher/SynthLauncher.csproj", "<Project />");
        var program = Write("tools/synth/launcher/Program.cs", "class Program {}");
        var before = LauncherSources.Current(launcher);

        File.WriteAllText(program, "class Program { }");

        Assert.NotEqual(before, LauncherSources.Current(launcher));
    }

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_checkout.Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(_checkout.Root, recursive: true);
}
