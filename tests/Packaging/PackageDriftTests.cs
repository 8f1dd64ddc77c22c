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

    /// <summary>
    /// One resource per item of a list setting is a repeated component: another sender CIDR, alarm email or Key Vault
    /// reader adds instances of a template the package already has, so the engine takes the change without a regeneration;
    /// the owner exposes the handle its items take even while the list is empty (dev has no Key Vault reader).
    /// </summary>
    [Theory]
    [InlineData("prod", "[\"10.40.0.0/16\", \"10.41.0.0/16\", \"10.42.0.0/16\"]", "[\"otel-oncall@example.com\", \"platform@example.com\"]", "[\"00000000-0000-4000-8000-0000000000a1\", \"00000000-0000-4000-8000-0000000000b2\"]")]
    [InlineData("dev", "[\"10.20.0.0/18\", \"10.20.64.0/18\", \"10.20.128.0/18\"]", "[\"dev-alerts@example.com\", \"platform@example.com\"]", "[\"00000000-0000-4000-8000-0000000000b2\"]")]
    public void Another_item_of_a_list_setting_adds_instances_and_needs_no_new_template(string stack, string cidrs, string emails, string readers)
    {
        var project = ProjectWithCommittedPackage(stack, TestSupport.StackFileWith(stack,
            ("otel-multicloud:ingressCidrs", cidrs), ("otel-multicloud:alarmEmails", emails), ("otel-multicloud:keyVaultReaderPrincipalIds", readers)));

        var result = TestSupport.RunCli(["synth", "--stack", stack], projectDirectory: project);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var types = ((Dictionary<string, object?>)Infra.Model.YamlTree.ParseMap(result.Stdout)["resources"]!)
            .ToDictionary(e => e.Key, e => (string)((Dictionary<string, object?>)e.Value!)["type"]!);
        Assert.Equal("otel:index:SenderIngressRule", types["load-balancer-otlp-grpc-ingress-3"]);
        Assert.Equal("otel:index:SenderIngressRule", types["load-balancer-otlp-http-ingress-3"]);
        Assert.Equal("otel:index:AlarmEmailSubscription", types["alarm-email-2"]);
        Assert.Equal("otel:index:AzureAlarmEmail", types["azure-alarm-email-2"]);
        Assert.Equal("otel:index:KeyVaultReader", types["key-vault-secrets-user-00000000-0000-4000-8000-0000000000b2"]);
        var committed = TestTypes(stack);
        Assert.All(committed, instance => Assert.Equal(instance.Value, types[instance.Key]));
    }

    /// <summary>
    /// An emptied list of scalars (the Azure alert's action groups once alarmEmails is empty) is still the template's
    /// array input: the model keeps its item type (EmptyScalarList), so emptying or filling it needs no regeneration.
    /// </summary>
    [Fact]
    public void Alarm_emails_emptied_keep_every_template()
    {
        var project = ProjectWithCommittedPackage("dev", TestSupport.StackFileWith("dev", ("otel-multicloud:alarmEmails", "[]")));

        var result = TestSupport.RunCli(["synth", "--stack", "dev"], projectDirectory: project);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var instances = (Dictionary<string, object?>)Infra.Model.YamlTree.ParseMap(result.Stdout)["resources"]!;
        Assert.DoesNotContain("alarm-email-1", instances.Keys);
        Assert.DoesNotContain("azure-alarm-email-1", instances.Keys);
        var alert = (Dictionary<string, object?>)((Dictionary<string, object?>)instances["azure-silence-alert"]!)["properties"]!;
        Assert.Equal(new List<object?>(), alert["noSpansAlertActionsActionGroups"]);
        Assert.Equal(TestTypes("dev")["azure-silence-alert"], ((Dictionary<string, object?>)instances["azure-silence-alert"]!)["type"]);
    }

    private static string ProjectWithCommittedPackage(string stack, string stackFile)
    {
        var project = TestSupport.StackDirectoryWith(stack, stackFile);
        var package = Directory.CreateDirectory(Path.Combine(project, ComponentPackage.Folder)).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(TestSupport.RepoRoot, ComponentPackage.Folder)))
        {
            File.Copy(file, Path.Combine(package, Path.GetFileName(file)));
        }
        return project;
    }

    private static Dictionary<string, string> TestTypes(string stack) =>
        ((Dictionary<string, object?>)Infra.Model.YamlTree.ParseMap(TestSupport.SynthComponents(stack))["resources"]!)
            .ToDictionary(e => e.Key, e => (string)((Dictionary<string, object?>)e.Value!)["type"]!);
}
