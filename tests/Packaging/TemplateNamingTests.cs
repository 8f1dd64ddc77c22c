using Infra.Stacks.Packaging;

namespace Infra.Tests.Packaging;

/// <summary>
/// A template's name is its type token, and a changed type token replaces every child: names stay put while a stack
/// that used them still builds them, and never depend on which stacks happen to sort first.
/// </summary>
public class TemplateNamingTests
{
    private static readonly ComponentTemplate Empty = new(new OrderedDictionary<string, object>());

    private static (string Shape, IReadOnlyList<string> Stacks, ComponentTemplate Template) Shape(string shape, params string[] stacks) => (shape, stacks, Empty);

    private static string[] Names(IReadOnlyList<(TemplateEntry Entry, ComponentTemplate Template)> named) => [.. named.Select(template => template.Entry.Name)];

    [Fact]
    public void A_component_built_one_way_is_named_after_itself_and_each_further_shape_after_its_first_stack()
    {
        Assert.Equal(["CollectorNetwork"], Names(TemplateNaming.Name("CollectorNetwork", [Shape("a", "dev", "prod")], [])));
        Assert.Equal(["CollectorNetworkDev", "CollectorNetworkProd"], Names(TemplateNaming.Name("CollectorNetwork", [Shape("a", "dev"), Shape("b", "prod")], [])));
    }

    [Fact]
    public void A_new_stack_that_sorts_first_and_shares_a_shape_renames_nothing()
    {
        var previous = new[] { new TemplateEntry("CollectorNetworkProd", "old", ["prod"]), new TemplateEntry("CollectorNetworkDev", "older", ["dev"]) };
        Assert.Equal(["CollectorNetworkDev", "CollectorNetworkProd"], Names(TemplateNaming.Name("CollectorNetwork", [Shape("a", "alpha", "dev"), Shape("b", "prod")], previous)));
    }

    [Fact]
    public void A_component_that_splits_keeps_its_name_for_the_first_stack_and_names_the_new_shape()
    {
        var previous = new[] { new TemplateEntry("CollectorTier", "old", ["dev", "prod"]) };
        Assert.Equal(["CollectorTier", "CollectorTierProd"], Names(TemplateNaming.Name("CollectorTier", [Shape("a", "dev"), Shape("b", "prod")], previous)));
        Assert.Equal(["CollectorTier", "CollectorTierStaging"], Names(TemplateNaming.Name("CollectorTier", [Shape("a", "dev", "prod"), Shape("b", "staging")], previous)));
    }

    /// <summary>When one stack changes, the stacks whose template is exactly as it was keep its name, whatever the stack order.</summary>
    [Fact]
    public void An_unchanged_template_keeps_its_name_and_the_stack_that_changed_takes_the_new_one()
    {
        var shared = new[] { new TemplateEntry("AzureSilenceAlert", "a", ["dev", "prod"]) };
        Assert.Equal(["AzureSilenceAlertDev", "AzureSilenceAlert"], Names(TemplateNaming.Name("AzureSilenceAlert", [Shape("changed", "dev"), Shape("a", "prod")], shared)));

        var split = new[] { new TemplateEntry("X", "a", ["dev", "qa"]), new TemplateEntry("Y", "b", ["prod"]) };
        Assert.Equal(["Y", "X"], Names(TemplateNaming.Name("X", [Shape("b", "dev", "prod"), Shape("a", "qa")], split)));
    }

    /// <summary>An unchanged template's name stays with the stacks that built it, not with a stack that now builds the same.</summary>
    [Fact]
    public void An_unchanged_template_does_not_follow_its_shape_to_another_stack()
    {
        var previous = new[] { new TemplateEntry("X", "a", ["dev"]), new TemplateEntry("XProd", "b", ["prod"]) };
        Assert.Equal(["X", "XProd"], Names(TemplateNaming.Name("X", [Shape("c", "dev"), Shape("a", "prod")], previous)));

        var onlyDev = new[] { new TemplateEntry("X", "a", ["dev"]) };
        Assert.Equal(["X", "XStaging"], Names(TemplateNaming.Name("X", [Shape("c", "dev"), Shape("a", "staging")], onlyDev)));
    }

    /// <summary>A header may list a stack twice (one stack's repeated resources in two shapes): the first name counts.</summary>
    [Fact]
    public void A_stack_listed_under_two_templates_is_no_error()
    {
        var previous = new[] { new TemplateEntry("Rule", "a", ["dev"]), new TemplateEntry("RuleDev", "b", ["dev"]) };
        Assert.Equal(["Rule", "RuleDev"], Names(TemplateNaming.Name("Rule", [Shape("a", "dev"), Shape("b", "dev")], previous)));
        Assert.Equal(["Rule"], Names(TemplateNaming.Name("Rule", [Shape("c", "dev")], previous)));
    }

    /// <summary>One stack's repeated resources in two shapes: regenerating warns of nothing and writes the same package.</summary>
    [Fact]
    public void A_stack_under_two_templates_of_one_kind_regenerates_without_a_warning()
    {
        static ComponentInstance Rule(string name, string cidrKey) => new(name, "sender-rule", "SenderRule",
            new ComponentTemplate(Infra.Model.Node.Map(("resources", Infra.Model.Node.Map(("resource", Infra.Model.Node.Map(("type", "aws:vpc:SecurityGroupIngressRule"), ("properties", Infra.Model.Node.Map((cidrKey, "${cidr}"))))))))),
            new Dictionary<string, object>(), []);
        IReadOnlyList<ComponentInstance> dev = [Rule("rule-1", "cidrIpv4"), Rule("rule-2", "cidrIpv6")];
        var empty = new ComponentPackage(new Dictionary<string, string>());

        var first = ComponentPackage.Generate([("dev", dev)], empty, out var firstRenames);
        var second = ComponentPackage.Generate([("dev", dev)], first, out var secondRenames);

        Assert.Empty(firstRenames);
        Assert.Empty(secondRenames);
        Assert.Equal(first.Files, second.Files);
        Assert.Equal(["SenderRuleDev", "SenderRuleDev2"], first.Entries("sender-rule.yaml").Select(entry => entry.Name));
    }

    [Fact]
    public void A_fresh_name_that_another_shape_kept_gets_a_number()
    {
        var previous = new[] { new TemplateEntry("CollectorTierProd", "old", ["dev"]) };
        Assert.Equal(["CollectorTierProd", "CollectorTierProd2"], Names(TemplateNaming.Name("CollectorTier", [Shape("a", "dev"), Shape("b", "prod")], previous)));
    }

    [Fact]
    public void The_components_command_warns_for_each_stack_whose_type_token_changes()
    {
        var project = Directory.CreateTempSubdirectory("infra-naming-").FullName;
        foreach (var stack in TestSupport.StackNames)
        {
            File.Copy(Path.Combine(TestSupport.RepoRoot, $"Pulumi.{stack}.yaml"), Path.Combine(project, $"Pulumi.{stack}.yaml"));
        }
        var package = Directory.CreateDirectory(Path.Combine(project, ComponentPackage.Folder)).FullName;
        // As if dev and prod had built the stack key two ways: both build it one way now, and prod takes dev's name.
        var committed = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, ComponentPackage.Folder, "stack-key.yaml"));
        var shapeLine = committed.Split('\n')[1];
        Assert.StartsWith("# shape StackKey ", shapeLine);
        File.WriteAllText(Path.Combine(package, "stack-key.yaml"), committed.Replace(shapeLine + "\n",
            "# shape StackKeyDev 0000 dev\n# shape StackKeyProd 1111 prod\n", StringComparison.Ordinal));

        var result = TestSupport.RunCli(["components", "--out", package], projectDirectory: project);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(
            "warning: stack 'prod': component 'stack-key' changes type from otel:index:StackKeyProd to otel:index:StackKeyDev; its children get new URNs, so the next 'pulumi up' replaces them unless they are aliased (README, Components).\n",
            result.Stderr);
        Assert.StartsWith("# shape StackKeyDev ", File.ReadAllText(Path.Combine(package, "stack-key.yaml")).Split('\n')[1]);
    }
}
