using Infra.Model;
using Infra.Stacks.Packaging;
using Infra.Tests.Evaluation;

namespace Infra.Tests.Packaging;

/// <summary>
/// A child of a component is named <c>&lt;instance&gt;-&lt;child&gt;</c> (pulumi-yaml v1.33.0 and later), and a resource
/// without an explicit name is auto-named from that plus <c>-</c> and 7 random characters; the bridge refuses a
/// name past its type's limit (pulumi sdk/go/common/resource NewUniqueName: "name '%s' plus %d random chars is longer
/// than maximum length %d") and never truncates. Every auto-named child must fit, or <c>pulumi up</c> fails.
/// </summary>
public class AutoNameLengthTests
{
    /// <summary>Limits read in pulumi-aws v7 (provider/aliases.go, resource_overrides.go, autonaming.go: 255 by default), 2026-12-07.</summary>
    private static readonly Dictionary<string, (string Property, int MaxLength)> Limits = new(StringComparer.Ordinal)
    {
        // aliases.go: AutoName("name", 32, "-") for target groups; a load balancer gets the 255 default, but Terraform's
        // elbv2 validName refuses more than 32.
        ["aws:lb:TargetGroup"] = ("name", 32),
        ["aws:lb:LoadBalancer"] = ("name", 32),
        ["aws:iam:Role"] = ("name", 64),
        ["aws:s3:Bucket"] = ("bucket", 63),
        ["aws:sns:Topic"] = ("name", 80),
    };

    private const int Separator = 1;
    private const int RandomSuffix = 7;

    public static TheoryData<string> Stacks => new(TestSupport.StackNames);

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_auto_named_child_fits_its_types_name_limit(string stack)
    {
        var (program, _, _) = new ComponentExpander(ComponentPackage.Read(TestSupport.RepoRoot).Files).Expand(TestSupport.SynthComponents(stack));
        var checkedNames = 0;
        foreach (var (name, declaration) in (Dictionary<string, object?>)program["resources"]!)
        {
            var resource = (Dictionary<string, object?>)declaration!;
            if (!Limits.TryGetValue((string)resource["type"]!, out var limit)
                || (resource.GetValueOrDefault("properties") as Dictionary<string, object?>)?.ContainsKey(limit.Property) == true)
            {
                continue;
            }
            checkedNames++;
            Assert.True(name.Length + Separator + RandomSuffix <= limit.MaxLength,
                $"{stack}: '{name}' ({resource["type"]}) is auto-named '{name}-xxxxxxx', {name.Length + Separator + RandomSuffix} characters; its {limit.Property} holds {limit.MaxLength}. Shorten the component's or the child's name.");
        }
        Assert.True(checkedNames >= 3, $"{stack}: only {checkedNames} auto-named resources of a limited type; the load balancer and its target groups should be among them.");
    }
}
