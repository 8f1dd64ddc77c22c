using Infra.Model;

namespace Infra.Tests;

/// <summary>The CI workflows, parsed and asserted: preview on every PR, deploy per environment, least permissions.</summary>
public class WorkflowTests
{
    private static Dictionary<string, object?> Workflow(string name) =>
        YamlTree.ParseMap(File.ReadAllText(Path.Combine(TestSupport.RepoRoot, ".github", "workflows", name)));

    private static Dictionary<string, object?> Map(object? node) => Assert.IsType<Dictionary<string, object?>>(node);

    private static List<Dictionary<string, object?>> Steps(Dictionary<string, object?> job) =>
        ((List<object?>)job["steps"]!).Select(Map).ToList();

    private static Dictionary<string, object?> Step(Dictionary<string, object?> job, string usesPrefix) =>
        Assert.Single(Steps(job), s => s.GetValueOrDefault("uses") is string uses && uses.StartsWith(usesPrefix, StringComparison.Ordinal));

    [Fact]
    public void Preview_runs_on_pull_requests_with_read_only_contents_by_default()
    {
        var workflow = Workflow("preview.yml");
        Assert.True(Map(workflow["on"]).ContainsKey("pull_request"));
        Assert.Equal(new Dictionary<string, object?> { ["contents"] = "read" }, workflow["permissions"]);
    }

    [Fact]
    public void Preview_job_has_only_the_permissions_it_needs()
    {
        var job = Map(Map(Workflow("preview.yml")["jobs"])["preview"]);
        Assert.Equal(
            new Dictionary<string, object?> { ["contents"] = "read", ["id-token"] = "write", ["pull-requests"] = "write" },
            job["permissions"]);
    }

    [Fact]
    public void Preview_tests_first_then_previews_every_stack_and_comments_on_the_pr()
    {
        var jobs = Map(Workflow("preview.yml")["jobs"]);
        var test = Map(jobs["test"]);
        Assert.Contains(Steps(test), s => (s.GetValueOrDefault("run") as string)?.Contains("bash .ci/run") == true);

        var preview = Map(jobs["preview"]);
        Assert.Equal("test", preview["needs"]);
        var stacks = (List<object?>)Map(Map(preview["strategy"])["matrix"])["stack"]!;
        Assert.Equal(TestSupport.StackNames.Cast<object?>().ToList(), stacks);

        var pulumi = Map(Step(preview, "pulumi/actions@")["with"]);
        Assert.Equal("pulumi/actions@v7", Step(preview, "pulumi/actions@")["uses"]);
        Assert.Equal("preview", pulumi["command"]);
        Assert.Equal(true, pulumi["comment-on-pr"]);
        Assert.Equal("${{ matrix.stack }}", pulumi["stack-name"]);
        Assert.Equal("${{ secrets.PULUMI_ACCESS_TOKEN }}", Map(preview["env"])["PULUMI_ACCESS_TOKEN"]);
    }

    [Fact]
    public void Preview_comments_the_capacity_and_cost_summary_of_each_stack_before_the_pulumi_preview()
    {
        var preview = Map(Map(Workflow("preview.yml")["jobs"])["preview"]);
        var steps = Steps(preview);
        var summary = Assert.Single(steps, s => (s.GetValueOrDefault("run") as string)?.Contains("-- plan ") == true);
        Assert.Equal("dotnet run --project Infra.csproj -- plan --stack ${{ matrix.stack }} --format markdown > plan-summary.md", summary["run"]);

        var comment = Step(preview, "actions/github-script@");
        Assert.Equal("actions/github-script@v8", comment["uses"]);
        var script = (string)Map(comment["with"])["script"]!;
        Assert.Contains("readFileSync('plan-summary.md'", script);
        Assert.Contains("updateComment", script);
        Assert.Contains("createComment", script);
        // The summary is written and posted before the preview runs, so a failing preview still shows the cost.
        Assert.True(steps.IndexOf(summary) < steps.IndexOf(comment));
        Assert.True(steps.IndexOf(comment) < steps.IndexOf(Step(preview, "pulumi/actions@")));
    }

    [Theory]
    [InlineData("preview.yml", "preview")]
    [InlineData("up.yml", "up")]
    public void Clouds_are_reached_through_oidc_with_no_stored_keys(string file, string jobName)
    {
        var job = Map(Map(Workflow(file)["jobs"])[jobName]);
        var aws = Map(Step(job, "aws-actions/configure-aws-credentials@")["with"]);
        Assert.StartsWith("${{ vars.", (string)aws["role-to-assume"]!);
        Assert.False(aws.ContainsKey("aws-access-key-id"));

        var azure = Map(Step(job, "azure/login@")["with"]);
        Assert.True(azure.ContainsKey("client-id"));
        Assert.False(azure.ContainsKey("creds"));
        Assert.Equal("true", Map(job["env"])["ARM_USE_OIDC"]);

        var steps = Steps(job).Select(s => s.GetValueOrDefault("uses") as string ?? "").ToList();
        Assert.True(steps.FindIndex(s => s.StartsWith("actions/setup-dotnet@")) < steps.FindIndex(s => s.StartsWith("pulumi/actions@")),
            "the YAML runtime's compiler needs .NET before the Pulumi action runs");
    }

    [Fact]
    public void Deploy_runs_on_main_dev_first_then_prod()
    {
        var workflow = Workflow("deploy.yml");
        Assert.Equal(new List<object?> { "main" }, Map(Map(workflow["on"])["push"])["branches"]);
        var jobs = Map(workflow["jobs"]);

        var dev = Map(jobs["up-dev"]);
        var prod = Map(jobs["up-prod"]);
        Assert.Equal("test", dev["needs"]);
        Assert.Equal("up-dev", prod["needs"]);
        Assert.Equal("dev", Map(dev["with"])["stack"]);
        Assert.Equal("prod", Map(prod["with"])["stack"]);
        Assert.Equal("./.github/workflows/up.yml", dev["uses"]);
        Assert.Equal("./.github/workflows/up.yml", prod["uses"]);
    }

    [Fact]
    public void Each_up_runs_in_its_stacks_environment_one_at_a_time()
    {
        var job = Map(Map(Workflow("up.yml")["jobs"])["up"]);
        Assert.Equal("${{ inputs.stack }}", job["environment"]);
        var concurrency = Map(job["concurrency"]);
        Assert.Equal("pulumi-up-${{ inputs.stack }}", concurrency["group"]);
        Assert.Equal(false, concurrency["cancel-in-progress"]);

        var pulumi = Map(Step(job, "pulumi/actions@")["with"]);
        Assert.Equal("up", pulumi["command"]);
        Assert.Equal("${{ inputs.stack }}", pulumi["stack-name"]);
        Assert.Equal(
            new Dictionary<string, object?> { ["contents"] = "read", ["id-token"] = "write" },
            Workflow("up.yml")["permissions"]);
    }
}
