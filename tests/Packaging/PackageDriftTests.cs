using Infra.Stacks.Packaging;

namespace Infra.Tests.Packaging;

/// <summary>The committed component package is what the C# components build for the known stacks, file for file.</summary>
public class PackageDriftTests
{
    [Fact]
    public void Committed_package_is_what_the_components_generate()
    {
        var generated = ProjectPackage.Generate(TestSupport.RepoRoot, out var renames).Files;
        Assert.Empty(renames);
        var committed = ComponentPackage.Read(TestSupport.RepoRoot).Files;
        const string Fix = $"regenerate it: dotnet run --project Infra.csproj -- components --out {ComponentPackage.Folder}";
        Assert.True(committed.Keys.Order().SequenceEqual(generated.Keys.Order()),
            $"{ComponentPackage.Folder}/ holds [{string.Join(", ", committed.Keys.Order())}], the components build [{string.Join(", ", generated.Keys.Order())}]; {Fix}");
        foreach (var (file, text) in generated)
        {
            Assert.True(committed[file] == text, $"{ComponentPackage.Folder}/{file} drifted from the C# components; {Fix}");
        }
    }

    [Fact]
    public void The_components_command_writes_the_package()
    {
        var folder = Directory.CreateTempSubdirectory("infra-package-").FullName;
        File.WriteAllText(Path.Combine(folder, "stale.yaml"), "components: {}\n");
        var result = TestSupport.RunCli(["components", "--out", folder]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(ComponentPackage.Read(TestSupport.RepoRoot).Files.Keys.Order(), Directory.GetFiles(folder).Select(Path.GetFileName).Order());
    }
}

/// <summary>Each known stack instantiates templates of the committed package, and a stack built differently is refused by name.</summary>
public class ComponentProgramTests
{
    public static TheoryData<string> Stacks => new(TestSupport.StackNames);

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Synth_components_instantiates_only_templates_of_the_package(string stack)
    {
        var result = TestSupport.RunCli(["synth", "--stack", stack]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var resources = (Dictionary<string, object?>)Infra.Model.YamlTree.ParseMap(result.Stdout)["resources"]!;
        var templates = ComponentPackage.Read(TestSupport.RepoRoot).Files.Values
            .Select(text => Infra.Model.YamlTree.ParseMap(text).GetValueOrDefault("components") as Dictionary<string, object?>)
            .SelectMany(map => map is null ? [] : map.Keys.ToList()).ToHashSet();
        Assert.All(resources, entry => Assert.Contains(((Dictionary<string, object?>)entry.Value!)["type"] as string, templates.Select(ComponentPackage.TypeToken)));
    }

    [Fact]
    public void A_stack_whose_components_the_package_lacks_is_refused_naming_the_regeneration()
    {
        var result = TestSupport.RunCli(["synth", "--stack", "dev"], projectDirectory: TestSupport.StackDirectoryWith("dev", TestSupport.DevStackWith()));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("-- components --out", result.Stderr);
    }

    [Fact]
    public void A_template_that_is_not_what_the_component_builds_is_refused_by_name()
    {
        var project = TestSupport.StackDirectoryWith("dev", File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "Pulumi.dev.yaml")));
        var package = Directory.CreateDirectory(Path.Combine(project, ComponentPackage.Folder)).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(TestSupport.RepoRoot, ComponentPackage.Folder)))
        {
            File.Copy(file, Path.Combine(package, Path.GetFileName(file)));
        }
        Assert.Equal(0, TestSupport.RunCli(["synth", "--stack", "dev"], projectDirectory: project).ExitCode);
        // The stack key's template as an older build of the C# would have written it: another fingerprint.
        var stackKey = Path.Combine(package, "stack-key.yaml");
        File.WriteAllText(stackKey, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(stackKey), "(# shape StackKey )[0-9a-f]+", "${1}00000000000000000000000000000000"));

        var result = TestSupport.RunCli(["synth", "--stack", "dev"], projectDirectory: project);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("has no template for 'stack-key' as this stack builds it", result.Stderr);
        Assert.Contains("-- components --out", result.Stderr);
        Assert.Empty(result.Stdout);
    }
}
