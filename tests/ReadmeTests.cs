using Infra.Settings;

namespace Infra.Tests;

/// <summary>The README's claims that code backs: every config key documented with its default and range, and the commands.</summary>
public class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "README.md"));

    public static TheoryData<string> Keys => new(SettingKeys.All.Select(SettingKeys.Qualified));

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_config_key_has_a_row_with_its_default_and_range(string key)
    {
        var setting = SettingKeys.All.Single(s => SettingKeys.Qualified(s) == key);
        var shownDefault = setting.DefaultText switch
        {
            null => "required",
            "" => "(empty)",
            var text => $"`{text}`",
        };
        Assert.Contains($"| `{key}` | {shownDefault} | {setting.Range} |", Readme);
    }

    [Fact]
    public void No_documented_key_is_unknown_to_the_settings()
    {
        var documented = System.Text.RegularExpressions.Regex.Matches(Readme, @"^\| `((?:otel-multicloud|aws|azure-native):[A-Za-z]+)` \| (?:required|\(empty\)|`[^`]*`) \|", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value);
        Assert.All(documented, key => Assert.Contains(key, SettingKeys.All.Select(SettingKeys.Qualified)));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_stack_figures_are_what_plan_computes_for_the_stack_and_say_partial_where_a_price_is_missing(string stack)
    {
        var settings = StackSettingsReader.Read(stack, StackConfigLoader.FromStackFile(TestSupport.RepoRoot, stack));
        var capacity = Infra.Capacity.StackCapacity.Of(settings);
        var cost = Infra.Cost.StackCost.Of(settings, Infra.Stacks.ObservabilityStack.Build(settings).Inventory, capacity);
        static string Money(decimal value) => value.ToString("$#,0.00", System.Globalization.CultureInfo.InvariantCulture);
        var kept = (cost.KeptTraceShare * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        var tasks = string.Join(", ", cost.Tasks.Select(t => $"{t.Tier} {t.MinTasks} / {t.PeakTasks}"));
        var partial = cost.Partial ? " (partial)" : "";
        var unpriced = cost.Partial ? string.Join(", ", cost.UnpricedLines.Select(l => $"{l.Item} ({l.Region})")) : "none";

        Assert.Contains($"| `{stack}` | {kept}% | {tasks} | {Money(cost.SampledTotal)}{partial} | {Money(cost.KeepAllTotal)}{partial} | {unpriced} |", Readme);
    }

    [Fact]
    public void The_test_command_in_the_readme_is_the_one_ci_runs()
    {
        Assert.Contains("\ndotnet test otel-multicloud.slnx\n", Readme);
        Assert.Contains("\ndotnet test otel-multicloud.slnx --no-build ", File.ReadAllText(Path.Combine(TestSupport.RepoRoot, ".ci", "run")));
        Assert.Contains("dotnet run --project Infra.csproj -- plan --stack dev", Readme);
    }

    [Fact]
    public void Pulumi_yaml_runs_the_synth_as_the_yaml_runtimes_compiler()
    {
        var project = Infra.Model.YamlTree.ParseMap(File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "Pulumi.yaml")));
        var runtime = (Dictionary<string, object?>)project["runtime"]!;
        Assert.Equal(SettingKeys.Project, project["name"]);
        Assert.Equal("yaml", runtime["name"]);
        var compiler = (string)((Dictionary<string, object?>)runtime["options"]!)["compiler"]!;
        Assert.Equal("tools/synth/compile", compiler);
        // The engine runs it without a shell: it must be an executable script with a shebang (on Windows,
        // Go's os/exec completes the name with PATHEXT: compile.exe once installed, compile.cmd before).
        var launcher = Path.Combine(TestSupport.RepoRoot, compiler);
        Assert.StartsWith("#!/bin/sh\n", File.ReadAllText(launcher));
        Assert.True(File.Exists(launcher + ".cmd"), $"{compiler}.cmd is missing: Windows has no entry point.");
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(launcher).HasFlag(UnixFileMode.UserExecute), $"{compiler} is not executable (git update-index --chmod=+x {compiler}).");
        }
        Assert.Contains($"`{compiler}`", Readme);
    }

    /// <summary>The Components section: the prod tree as the component program declares it, the minimum CLI and the regeneration command.</summary>
    [Fact]
    public void Components_section_shows_the_prod_tree_the_minimum_cli_and_how_to_regenerate()
    {
        var result = TestSupport.RunCli(["synth", "--stack", "prod"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var instances = (Dictionary<string, object?>)Infra.Model.YamlTree.ParseMap(result.Stdout)["resources"]!;
        var treeLines = Readme.Split('\n').Where(line => line.StartsWith("├─ otel:", StringComparison.Ordinal) || line.StartsWith("└─ otel:", StringComparison.Ordinal))
            .Select(line => string.Join(' ', line[3..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2))).ToList();
        Assert.Equal(instances.Select(e => $"{((Dictionary<string, object?>)e.Value!)["type"]} {e.Key}"), treeLines);
        Assert.Contains($"**Minimum Pulumi CLI: {Infra.Stacks.Packaging.ComponentPackage.MinimumPulumiCli}**", Readme);
        Assert.Contains($"[Pulumi CLI](https://www.pulumi.com/docs/install/) {Infra.Stacks.Packaging.ComponentPackage.MinimumPulumiCli} or later", Readme);
        Assert.Contains($"dotnet run --project Infra.csproj -- components --out {Infra.Stacks.Packaging.ComponentPackage.Folder}", Readme);
    }
}
