using Multicloud.Verify.Aws;
using Multicloud.Verify.Azure;
using Multicloud.Verify.Report;

namespace Multicloud.Verify.Tests;

/// <summary>
/// The README's section "Verify a deployed stack" follows the code: every permission verify's calls need, every
/// diagnosis it can print, the metric and attribute names others build on; and it sits right before Troubleshooting.
/// </summary>
public sealed class ReadmeTests
{
    private const string Title = "## Verify a deployed stack";

    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));

    private static string Section
    {
        get
        {
            var start = Readme.IndexOf($"\n{Title}\n", StringComparison.Ordinal);
            Assert.True(start >= 0, $"README has no '{Title}' section");
            var end = Readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
            return Readme[start..end];
        }
    }

    internal static string PermissionRow(AwsAction action) => $"| `{action.Permission}` | {action.When} | {action.Why} |";

    public static string AzureRow => $"| `{LogAnalyticsQuery.RequiredRole}` (Azure role) on the stack's Log Analytics workspace | always | query `{AppInsightsRow.Requests}` and `{AppInsightsRow.Dependencies}` for the canary's trace ID (Entra token for `{LogAnalyticsQuery.Scope}`) |";

    internal static string FailureRow(Failure failure) =>
        $"| {(failure.Hop is { } hop ? Hops.Name(hop) : "any")} | `{failure.Code}` | {failure.Cause} | {failure.Fix} |";

    [Fact]
    public void The_section_comes_right_before_troubleshooting()
    {
        var section = Readme.IndexOf($"\n{Title}\n", StringComparison.Ordinal);
        var next = Readme.IndexOf("\n## ", section + 1, StringComparison.Ordinal);
        Assert.True(section >= 0);
        Assert.Equal(Readme.IndexOf("\n## Troubleshooting\n", StringComparison.Ordinal), next);
    }

    [Fact]
    public void Every_permission_verify_needs_has_its_row_and_no_other_is_listed()
    {
        var section = Section;
        foreach (var action in AwsActions.All)
        {
            Assert.Contains(PermissionRow(action), section);
        }

        Assert.Contains(AzureRow, section);
        var listed = System.Text.RegularExpressions.Regex.Matches(section, @"^\| `([a-z]+:[A-Za-z]+)` \|", System.Text.RegularExpressions.RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.Equal(AwsActions.All.Select(a => a.Permission).Order(), listed.Order());
    }

    [Fact]
    public void Every_diagnosis_has_its_row_and_no_other_is_listed()
    {
        var section = Section;
        foreach (var failure in Failures.All)
        {
            Assert.Contains(FailureRow(failure), section);
        }

        var listed = System.Text.RegularExpressions.Regex.Matches(section, @"^\| [A-Za-z -]+ \| `([a-z-]+)` \|", System.Text.RegularExpressions.RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.Equal(Failures.All.Select(f => f.Code).Order(), listed.Order());
    }

    [Fact]
    public void The_names_others_build_on_are_the_codes()
    {
        var section = Section;
        Assert.Contains($"`{CanaryAttribute.Key}` = `{CanaryAttribute.Value.ToString().ToLowerInvariant()}` (a boolean)", section);
        Assert.Contains($"namespace `{VerifyMetrics.Namespace}`", section);
        Assert.Contains($"`{VerifyMetrics.CrossCloudTraceSeen}`", section);
        Assert.Contains($"`{VerifyMetrics.EndToEndDelaySeconds}`", section);
        Assert.Contains($"dimension `{VerifyMetrics.StackDimension}`", section);
        Assert.Contains("dotnet run --project instrumentation/verify -- --stack prod", section);
    }

    private static string RepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "otel-multicloud.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("otel-multicloud.slnx not found above the test's directory.");
    }
}
