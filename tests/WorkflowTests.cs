using System.Text.Json;
using System.Text.RegularExpressions;
using Infra.Model;

namespace Infra.Tests;

/// <summary>
/// The CI workflows, parsed and asserted: preview on every PR, deploy per environment, least permissions,
/// caches keyed on what they hold, no cloud step on a fork's pull request, the state backend as an input,
/// the launcher and the suite on Linux, Windows and macOS, Node 22. tools/workflow-lint holds the same rules.
/// </summary>
public class WorkflowTests
{
    /// <summary>A run that may reach the clouds: anything but a pull request from a fork.</summary>
    private const string NotFromAFork = "github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository";

    /// <summary>A pull request whose branch is in this repository (it may comment).</summary>
    private const string PullRequestFromThisRepository = "github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name == github.repository";

    private const string PullRequestFromAFork = "github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name != github.repository";

    private const string BackendUrl = "${{ inputs.backend-url || vars.PULUMI_BACKEND_URL }}";

    /// <summary>The Node major every workflow sets up (@pulumi/pulumi, in tools/schema-check, needs 22).</summary>
    private const int CiNodeMajor = 22;

    private static readonly string[] CloudActions = ["aws-actions/configure-aws-credentials@", "azure/login@", "pulumi/actions@"];

    private static readonly string WorkflowDirectory = Path.Combine(TestSupport.RepoRoot, ".github", "workflows");

    private static Dictionary<string, object?> Workflow(string name) =>
        YamlTree.ParseMap(File.ReadAllText(Path.Combine(WorkflowDirectory, name)));

    private static IEnumerable<string> WorkflowFiles() =>
        Directory.GetFiles(WorkflowDirectory).Where(f => f.EndsWith(".yml") || f.EndsWith(".yaml")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    private static Dictionary<string, object?> Map(object? node) => Assert.IsType<Dictionary<string, object?>>(node);

    private static Dictionary<string, object?> Job(string file, string job) => Map(Map(Workflow(file)["jobs"])[job]);

    private static List<Dictionary<string, object?>> Steps(Dictionary<string, object?> job) =>
        ((List<object?>)job["steps"]!).Select(Map).ToList();

    private static Dictionary<string, object?> Step(Dictionary<string, object?> job, string usesPrefix) =>
        Assert.Single(Steps(job), s => Uses(s).StartsWith(usesPrefix, StringComparison.Ordinal));

    private static string Uses(Dictionary<string, object?> step) => step.GetValueOrDefault("uses") as string ?? "";

    private static string Run(Dictionary<string, object?> step) => step.GetValueOrDefault("run") as string ?? "";

    private static string? If(Dictionary<string, object?> step) => step.GetValueOrDefault("if") as string;

    private static Dictionary<string, object?> With(Dictionary<string, object?> step) => Map(step["with"]);

    /// <summary>Every string in a node (keys too), to find what a step reads.</summary>
    private static IEnumerable<string> Strings(object? node) => node switch
    {
        string text => [text],
        Dictionary<string, object?> map => map.SelectMany(e => Strings(e.Value).Prepend(e.Key)),
        List<object?> list => list.SelectMany(Strings),
        _ => [],
    };

    /// <summary>The one actions/cache step of a job that caches <paramref name="path"/>.</summary>
    private static Dictionary<string, object?> Cache(Dictionary<string, object?> job, string path) =>
        Assert.Single(Steps(job), s => Uses(s).StartsWith("actions/cache@", StringComparison.Ordinal) && With(s)["path"] as string == path);

    /// <summary>The patterns of every hashFiles(...) in a cache key, in order.</summary>
    private static List<string> HashedPatterns(string key) =>
        Regex.Matches(key, @"hashFiles\(([^)]*)\)").SelectMany(m => Regex.Matches(m.Groups[1].Value, "'([^']*)'").Select(p => p.Groups[1].Value)).ToList();

    private static bool RunsTheLauncher(Dictionary<string, object?> step) =>
        Run(step).Contains(".ci/run") || Run(step).Contains("tools/synth/compile") || Run(step).Contains(@"tools\synth\compile.cmd")
        || RunsTheProgram(step);

    /// <summary>A Pulumi step that runs the program (preview, up): `command: output` only logs in and reads outputs.</summary>
    private static bool RunsTheProgram(Dictionary<string, object?> step) =>
        Uses(step).StartsWith("pulumi/actions@", StringComparison.Ordinal) && With(step).GetValueOrDefault("command") as string != "output";

    private static bool RunsDotnet(Dictionary<string, object?> step) => RunsTheLauncher(step) || Run(step).Contains("dotnet ");

    private static bool RunsNode(Dictionary<string, object?> step) => Regex.IsMatch(Run(step), @"(^|[\s;&|(])(node|npm|npx) |\.ci/run");

    [Fact]
    public void Preview_runs_on_pull_requests_and_by_hand_with_read_only_contents_by_default()
    {
        var workflow = Workflow("preview.yml");
        Assert.True(Map(workflow["on"]).ContainsKey("pull_request"));
        Assert.True(Map(workflow["on"]).ContainsKey("workflow_dispatch"));
        Assert.Equal(new Dictionary<string, object?> { ["contents"] = "read" }, workflow["permissions"]);
    }

    [Fact]
    public void Preview_job_has_only_the_permissions_it_needs()
    {
        var job = Job("preview.yml", "preview");
        Assert.Equal(
            new Dictionary<string, object?> { ["contents"] = "read", ["id-token"] = "write", ["pull-requests"] = "write" },
            job["permissions"]);
    }

    [Fact]
    public void Preview_tests_first_then_previews_every_stack_and_comments_on_the_pr()
    {
        var jobs = Map(Workflow("preview.yml")["jobs"]);
        var test = Map(jobs["test"]);
        Assert.Contains(Steps(test), s => Run(s).Contains("bash .ci/run"));

        var preview = Map(jobs["preview"]);
        Assert.Equal("test", preview["needs"]);
        var stacks = (List<object?>)Map(Map(preview["strategy"])["matrix"])["stack"]!;
        Assert.Equal(TestSupport.StackNames.Cast<object?>().ToList(), stacks);

        var step = Step(preview, "pulumi/actions@");
        var pulumi = With(step);
        Assert.Equal("pulumi/actions@v7", step["uses"]);
        Assert.Equal("preview", pulumi["command"]);
        Assert.Equal(true, pulumi["comment-on-pr"]);
        Assert.Equal("${{ matrix.stack }}", pulumi["stack-name"]);
        // The token is given to the Pulumi step only, not to every step of the job.
        Assert.Equal("${{ secrets.PULUMI_ACCESS_TOKEN }}", Map(step["env"])["PULUMI_ACCESS_TOKEN"]);
    }

    [Fact]
    public void Preview_comments_the_capacity_and_cost_summary_of_each_stack_before_the_pulumi_preview()
    {
        var preview = Job("preview.yml", "preview");
        var steps = Steps(preview);
        var summary = Assert.Single(steps, s => Run(s).Contains("-- plan "));
        Assert.Equal("dotnet run --project Infra.csproj -- plan --stack ${{ matrix.stack }} --format markdown > plan-summary.md", summary["run"]);
        // Also in the job summary, which a fork's pull request (no comment) still gets.
        var jobSummary = Assert.Single(steps, s => Run(s).Contains("plan-summary.md >> \"$GITHUB_STEP_SUMMARY\""));
        Assert.Null(If(jobSummary));

        var comment = Step(preview, "actions/github-script@");
        Assert.Equal("actions/github-script@v8", comment["uses"]);
        var script = (string)With(comment)["script"]!;
        Assert.Contains("readFileSync('plan-summary.md'", script);
        Assert.Contains("updateComment", script);
        Assert.Contains("createComment", script);
        // The summary is written and posted before the preview runs, so a failing preview still shows the cost.
        Assert.True(steps.IndexOf(summary) < steps.IndexOf(comment));
        Assert.True(steps.IndexOf(summary) < steps.IndexOf(jobSummary));
        Assert.True(steps.IndexOf(comment) < steps.IndexOf(Step(preview, "pulumi/actions@")));
    }

    [Theory]
    [InlineData("preview.yml", "preview")]
    [InlineData("up.yml", "up")]
    public void Clouds_are_reached_through_oidc_with_no_stored_keys(string file, string jobName)
    {
        var job = Job(file, jobName);
        var aws = With(Step(job, "aws-actions/configure-aws-credentials@"));
        Assert.StartsWith("${{ vars.", (string)aws["role-to-assume"]!);
        Assert.False(aws.ContainsKey("aws-access-key-id"));

        var azure = With(Step(job, "azure/login@"));
        Assert.True(azure.ContainsKey("client-id"));
        Assert.False(azure.ContainsKey("creds"));
        Assert.Equal("true", Map(job["env"])["ARM_USE_OIDC"]);

        var steps = Steps(job).Select(Uses).ToList();
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
        var job = Job("up.yml", "up");
        Assert.Equal("${{ inputs.stack }}", job["environment"]);
        var concurrency = Map(job["concurrency"]);
        Assert.Equal("pulumi-up-${{ inputs.stack }}", concurrency["group"]);
        Assert.Equal(false, concurrency["cancel-in-progress"]);

        var pulumi = With(Step(job, "pulumi/actions@"));
        Assert.Equal("up", pulumi["command"]);
        Assert.Equal("${{ inputs.stack }}", pulumi["stack-name"]);
        Assert.Equal(
            new Dictionary<string, object?> { ["contents"] = "read", ["id-token"] = "write" },
            Workflow("up.yml")["permissions"]);
    }

    // --- The OS matrix -------------------------------------------------------------------------------------

    [Fact]
    public void The_pull_request_tests_run_the_launcher_and_the_suite_on_linux_windows_and_macos()
    {
        var test = Job("preview.yml", "test");
        Assert.Equal("${{ matrix.os }}", test["runs-on"]);
        var strategy = Map(test["strategy"]);
        Assert.Equal(false, strategy["fail-fast"]);
        Assert.Equal(new List<object?> { "ubuntu-latest", "windows-latest", "macos-latest" }, Map(strategy["matrix"])["os"]);

        var steps = Steps(test);
        // Unix: the launcher Pulumi.yaml names; Windows: its .cmd twin (Go's exec finds it through PATHEXT).
        var unix = Assert.Single(steps, s => Run(s).Contains("tools/synth/compile "));
        Assert.Equal("tools/synth/compile --stack dev --out program.yaml", unix["run"]);
        Assert.Equal("runner.os != 'Windows'", If(unix));
        var windows = Assert.Single(steps, s => Run(s).Contains("compile.cmd"));
        Assert.Equal(@"tools\synth\compile.cmd --stack dev --out program.yaml", windows["run"]);
        Assert.Equal("runner.os == 'Windows'", If(windows));
        Assert.Equal("cmd", windows["shell"]);
        // The launcher succeeding is not enough: the program it wrote is checked on every OS.
        var check = Assert.Single(steps, s => Run(s).Contains("program.yaml") && s != unix && s != windows);
        Assert.Null(If(check));
        Assert.True(steps.IndexOf(check) > Math.Max(steps.IndexOf(unix), steps.IndexOf(windows)));

        // The suite: .ci/run on Linux (it runs `dotnet test otel-multicloud.slnx` itself), the README's command elsewhere.
        var ci = Assert.Single(steps, s => Run(s).Contains(".ci/run"));
        Assert.Equal("runner.os == 'Linux'", If(ci));
        Assert.Contains("\ndotnet test otel-multicloud.slnx --no-build ", File.ReadAllText(Path.Combine(TestSupport.RepoRoot, ".ci", "run")));
        var suite = Assert.Single(steps, s => Run(s).StartsWith("dotnet test", StringComparison.Ordinal));
        Assert.Equal("dotnet test otel-multicloud.slnx", suite["run"]);
        Assert.Equal("runner.os != 'Linux'", If(suite));
        Assert.True(File.Exists(Path.Combine(TestSupport.RepoRoot, "otel-multicloud.slnx")));
    }

    // --- Caches --------------------------------------------------------------------------------------------

    public static TheoryData<string, string> DotnetJobs => new()
    {
        { "preview.yml", "test" },
        { "preview.yml", "preview" },
        { "up.yml", "up" },
        { "deploy.yml", "test" },
    };

    [Theory]
    [MemberData(nameof(DotnetJobs))]
    public void NuGet_packages_are_cached_on_the_project_files_before_the_first_restore(string file, string jobName)
    {
        var job = Job(file, jobName);
        var steps = Steps(job);
        var cache = Cache(job, "~/.nuget/packages");
        var key = (string)With(cache)["key"]!;
        Assert.StartsWith("nuget-${{ runner.os }}-", key);
        Assert.Contains("**/*.csproj", HashedPatterns(key));
        Assert.Equal("nuget-${{ runner.os }}-", ((string)With(cache)["restore-keys"]!).Trim());
        Assert.Null(If(cache));
        Assert.True(steps.IndexOf(cache) < steps.FindIndex(RunsDotnet), "the NuGet cache is restored after the first dotnet command");
    }

    [Theory]
    [MemberData(nameof(DotnetJobs))]
    public void The_launchers_builds_are_cached_on_the_hash_of_the_build_inputs(string file, string jobName)
    {
        var job = Job(file, jobName);
        var steps = Steps(job);
        var cache = Cache(job, ".synth");
        var key = (string)With(cache)["key"]!;
        // A native AOT build is for one OS and architecture.
        Assert.StartsWith("synth-${{ runner.os }}-${{ runner.arch }}-", key);
        Assert.Equal(new[] { "**/*.cs", "**/*.csproj", "**/*.props", "**/*.targets", "tools/synth/**" }, HashedPatterns(key));
        Assert.True(steps.IndexOf(cache) < steps.FindIndex(RunsTheLauncher), "the .synth cache is restored after the launcher ran");
        // Only where the launcher runs for everyone; in the preview job it serves the (guarded) Pulumi step only.
        Assert.Equal(jobName == "preview" ? NotFromAFork : null, If(cache));
    }

    [Theory]
    [InlineData("preview.yml", "preview")]
    [InlineData("up.yml", "up")]
    public void Pulumi_plugins_are_cached_on_the_pinned_provider_versions(string file, string jobName)
    {
        var job = Job(file, jobName);
        var steps = Steps(job);
        var cache = Cache(job, "~/.pulumi/plugins");
        var key = (string)With(cache)["key"]!;
        Assert.StartsWith("pulumi-plugins-${{ runner.os }}-", key);
        Assert.Equal(new[] { "Model/ProviderVersions.cs" }, HashedPatterns(key));
        Assert.Contains("class ProviderVersions", File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "Model", "ProviderVersions.cs")));
        Assert.True(steps.IndexOf(cache) < steps.IndexOf(Step(job, "pulumi/actions@")));
    }

    [Theory]
    [InlineData("preview.yml", "test")]
    [InlineData("deploy.yml", "test")]
    public void Npm_downloads_are_cached_on_every_tools_lockfile(string file, string jobName)
    {
        var job = Job(file, jobName);
        var node = With(Step(job, "actions/setup-node@"));
        Assert.Equal("npm", node["cache"]);
        var cached = ((string)node["cache-dependency-path"]!).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal);
        var lockfiles = Directory.GetDirectories(Path.Combine(TestSupport.RepoRoot, "tools"))
            .Select(d => Path.Combine(d, "package-lock.json"))
            .Where(File.Exists)
            .Select(f => Path.GetRelativePath(TestSupport.RepoRoot, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "tools/schema-check/package-lock.json", "tools/workflow-lint/package-lock.json" }, lockfiles);
        Assert.Equal(lockfiles, cached);
    }

    public static TheoryData<string> Files => new(WorkflowFiles());

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_hashFiles_pattern_matches_a_file_in_the_repository(string file)
    {
        var patterns = Regex.Matches(File.ReadAllText(Path.Combine(WorkflowDirectory, file)), @"hashFiles\(([^)]*)\)")
            .SelectMany(m => Regex.Matches(m.Groups[1].Value, "'([^']*)'").Select(p => p.Groups[1].Value)).Distinct().ToList();
        var files = RepositoryFiles();
        Assert.All(patterns, pattern => Assert.True(files.Any(Glob(pattern).IsMatch), $"{file}: hashFiles('{pattern}') matches no file, so its cache key never changes"));
    }

    /// <summary>The repository's files (not build output), relative, with '/'.</summary>
    private static List<string> RepositoryFiles()
    {
        string[] skipped = ["bin", "obj", "node_modules", ".git", ".synth"];
        return Directory.EnumerateFiles(TestSupport.RepoRoot, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(TestSupport.RepoRoot, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(skipped.Contains))
            .ToList();
    }

    /// <summary>A hashFiles glob: ** any directories, * and ? within one name.</summary>
    private static Regex Glob(string pattern)
    {
        var regex = new System.Text.StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern.AsSpan(i).StartsWith("**/"))
            {
                regex.Append("(?:.*/)?");
                i += 2;
            }
            else if (pattern.AsSpan(i).StartsWith("**"))
            {
                regex.Append(".*");
                i++;
            }
            else
            {
                regex.Append(pattern[i] switch { '*' => "[^/]*", '?' => "[^/]", var c => Regex.Escape(c.ToString()) });
            }
        }
        return new Regex(regex.Append('$').ToString());
    }

    // --- Pull requests from forks --------------------------------------------------------------------------

    [Fact]
    public void No_workflow_runs_a_forks_code_with_this_repositorys_secrets()
    {
        Assert.All(WorkflowFiles(), file => Assert.False(Map(Workflow(file)["on"]).ContainsKey("pull_request_target"), $"{file}: pull_request_target"));
    }

    [Fact]
    public void On_a_pull_request_from_a_fork_every_step_that_needs_a_secret_or_the_cloud_is_skipped()
    {
        var workflow = Workflow("preview.yml");
        Assert.True(Map(workflow["on"]).ContainsKey("pull_request"));
        Assert.DoesNotContain(Strings(workflow.GetValueOrDefault("env")), s => s.Contains("secrets."));
        var guarded = new List<string>();
        foreach (var (name, node) in Map(workflow["jobs"]))
        {
            var job = Map(node);
            // Secrets only on the steps that use them, where the guard is.
            Assert.DoesNotContain(Strings(job.GetValueOrDefault("env")), s => s.Contains("secrets."));
            foreach (var step in Steps(job))
            {
                if (CloudActions.Any(a => Uses(step).StartsWith(a, StringComparison.Ordinal)) || Strings(step).Any(s => s.Contains("secrets.")))
                {
                    Assert.True(If(step) is NotFromAFork or PullRequestFromThisRepository, $"{name}: step {Uses(step)}{step.GetValueOrDefault("name")} runs for a fork's pull request (if: {If(step)})");
                    guarded.Add(Uses(step));
                }
            }
        }
        Assert.Equal(
            new[] { "actions/github-script@v8", "aws-actions/configure-aws-credentials@v5", "azure/login@v2", "pulumi/actions@v7" },
            guarded.Order(StringComparer.Ordinal));
        // The PR comment needs a pull request, so a run by hand skips it as well.
        Assert.Equal(PullRequestFromThisRepository, If(Step(Job("preview.yml", "preview"), "actions/github-script@")));
    }

    [Fact]
    public void On_a_pull_request_from_a_fork_the_job_summary_and_a_notice_say_why_there_is_no_preview()
    {
        var preview = Job("preview.yml", "preview");
        var steps = Steps(preview);
        var why = Assert.Single(steps, s => If(s) == PullRequestFromAFork);
        var script = Run(why);
        Assert.Contains("::notice ", script);
        Assert.Contains(">> \"$GITHUB_STEP_SUMMARY\"", script);
        Assert.Contains("OIDC", script);
        Assert.Contains("secrets", script);
        // The fork's name reaches the script through env, never pasted into it by an expression.
        Assert.DoesNotContain("${{", script);
        Assert.Equal("${{ github.event.pull_request.head.repo.full_name }}", Map(why["env"])["FORK"]);
        // The tests and the offline cost summary still run for the fork.
        Assert.Null(If(Assert.Single(steps, s => Run(s).Contains("-- plan "))));
        Assert.DoesNotContain(Steps(Job("preview.yml", "test")), s => If(s)?.Contains("head.repo") == true);
    }

    // --- The state backend ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("preview.yml", "workflow_dispatch")]
    [InlineData("up.yml", "workflow_call")]
    public void The_backend_is_an_input_when_run_by_hand_or_called(string file, string trigger)
    {
        var input = Map(Map(Map(Map(Workflow(file)["on"])[trigger])["inputs"])["backend-url"]);
        Assert.Equal("string", input["type"]);
        Assert.Equal(false, input["required"]);
        Assert.Equal("", input["default"]);
        Assert.Contains("PULUMI_BACKEND_URL", (string)input["description"]!);
    }

    [Theory]
    [InlineData("preview.yml", "preview")]
    [InlineData("up.yml", "up")]
    public void Pulumi_logs_in_to_the_input_backend_else_the_variable_else_pulumi_cloud(string file, string jobName)
    {
        var step = Step(Job(file, jobName), "pulumi/actions@");
        // pulumi/actions runs `pulumi login <cloud-url>`, or `pulumi login` (Pulumi Cloud) when it is empty.
        Assert.Equal(BackendUrl, With(step)["cloud-url"]);
        var env = Map(step["env"]);
        Assert.Equal("${{ secrets.PULUMI_ACCESS_TOKEN }}", env["PULUMI_ACCESS_TOKEN"]);
        Assert.Equal("${{ secrets.PULUMI_CONFIG_PASSPHRASE }}", env["PULUMI_CONFIG_PASSPHRASE"]);
    }

    [Fact]
    public void Every_pulumi_step_of_every_workflow_takes_the_backend_from_the_input_or_the_variable()
    {
        var pulumiSteps = WorkflowFiles()
            .SelectMany(file => Map(Workflow(file)["jobs"]).Values.Select(Map).Where(j => j.ContainsKey("steps")).SelectMany(Steps))
            .Where(s => Uses(s).StartsWith("pulumi/actions@", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(3, pulumiSteps.Count);
        Assert.All(pulumiSteps, s => Assert.Equal(BackendUrl, With(s)["cloud-url"]));
    }

    [Fact]
    public void Every_variable_secret_and_input_the_workflows_read_is_documented_in_the_readmes_ci_section()
    {
        var readme = File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "README.md"));
        // The CI section, and for what only verify reads (its identity, its runner), the section on verify.
        var section = ReadmeSection(readme, "CI") + ReadmeSection(readme, "Verify a deployed stack");

        var text = string.Concat(WorkflowFiles().Select(f => File.ReadAllText(Path.Combine(WorkflowDirectory, f))));
        var read = Regex.Matches(text, @"\b(vars|secrets)\.([A-Za-z_][A-Za-z0-9_]*)")
            .Select(m => (Kind: m.Groups[1].Value == "vars" ? "variable" : "secret", Name: m.Groups[2].Value))
            .Where(r => r.Name != "GITHUB_TOKEN")
            .Distinct()
            .ToList();
        Assert.Contains(("variable", "PULUMI_BACKEND_URL"), read);
        Assert.Contains(("secret", "PULUMI_CONFIG_PASSPHRASE"), read);
        Assert.All(read, r => Assert.Contains($"| `{r.Name}` | {r.Kind} |", section));
        Assert.Contains("| `backend-url` | input |", section);
        Assert.Contains("| `runner-labels` | input |", section);
    }

    private static string ReadmeSection(string readme, string title)
    {
        var start = readme.IndexOf($"\n## {title}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README has no '## {title}' section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    // --- Verify: the canary and the check after `pulumi up` ------------------------------------------------

    private const string VerifyRunner = "${{ fromJSON(inputs.runner-labels || vars.VERIFY_RUNNER_LABELS || '\"ubuntu-latest\"') }}";

    [Fact]
    public void The_canary_runs_hourly_and_by_hand_for_every_stack()
    {
        var workflow = Workflow("canary.yml");
        var on = Map(workflow["on"]);
        var cron = (string)Map(Assert.Single((List<object?>)on["schedule"]!))["cron"]!;
        Assert.Matches(@"^[0-5]?[0-9] \* \* \* \*$", cron);
        var inputs = Map(Map(on["workflow_dispatch"])["inputs"]);
        Assert.Equal("string", Map(inputs["backend-url"])["type"]);
        Assert.Equal("string", Map(inputs["runner-labels"])["type"]);
        Assert.False(on.ContainsKey("pull_request"));
        Assert.Equal(new Dictionary<string, object?> { ["contents"] = "read", ["id-token"] = "write" }, workflow["permissions"]);

        var job = Job("canary.yml", "canary");
        var strategy = Map(job["strategy"]);
        Assert.Equal(false, strategy["fail-fast"]);
        Assert.Equal(TestSupport.StackNames.Cast<object?>().ToList(), Map(strategy["matrix"])["stack"]);
        // No environment: prod's required reviewers would hold every hourly run.
        Assert.False(job.ContainsKey("environment"));
        Assert.Equal("canary-${{ matrix.stack }}", Map(job["concurrency"])["group"]);
    }

    [Theory]
    [InlineData("canary.yml", "canary")]
    [InlineData("up.yml", "up")]
    public void Verify_runs_where_the_internal_load_balancer_is_reachable_after_the_logins(string file, string jobName)
    {
        var job = Job(file, jobName);
        Assert.Equal(VerifyRunner, job["runs-on"]);
        var trigger = file == "up.yml" ? "workflow_call" : "workflow_dispatch";
        var input = Map(Map(Map(Map(Workflow(file)["on"])[trigger])["inputs"])["runner-labels"]);
        Assert.Equal("", input["default"]);
        Assert.Contains("VERIFY_RUNNER_LABELS", (string)input["description"]!);

        var steps = Steps(job);
        var verify = Assert.Single(steps, s => Run(s).Contains("instrumentation/verify"));
        Assert.Contains("dotnet run --project instrumentation/verify -- --stack \"$STACK\"", Run(verify));
        var env = Map(verify["env"]);
        Assert.Equal(file == "up.yml" ? "${{ inputs.stack }}" : "${{ matrix.stack }}", env["STACK"]);
        // `pulumi stack output --show-secrets` decrypts with the stack's secrets provider.
        Assert.Equal("${{ secrets.PULUMI_CONFIG_PASSPHRASE }}", env["PULUMI_CONFIG_PASSPHRASE"]);
        foreach (var before in new[] { "aws-actions/configure-aws-credentials@", "azure/login@", "pulumi/actions@", "actions/setup-dotnet@" })
        {
            Assert.True(steps.FindIndex(s => Uses(s).StartsWith(before, StringComparison.Ordinal)) < steps.IndexOf(verify), $"{file}: verify runs before {before}");
        }
        Assert.True(steps.IndexOf(Cache(job, "~/.nuget/packages")) < steps.IndexOf(verify));
    }

    [Fact]
    public void Up_verifies_the_stack_right_after_pulumi_up()
    {
        var steps = Steps(Job("up.yml", "up"));
        var up = Assert.Single(steps, s => Uses(s).StartsWith("pulumi/actions@", StringComparison.Ordinal));
        Assert.Equal(steps.IndexOf(up) + 1, steps.FindIndex(s => Run(s).Contains("instrumentation/verify")));
        Assert.Equal("", Map(Map(Map(Map(Workflow("up.yml")["on"])["workflow_call"])["inputs"])["runner-labels"])["default"]);
    }

    [Fact]
    public void The_canary_reaches_the_clouds_through_oidc_with_its_own_identity_and_reads_the_outputs_without_running_the_program()
    {
        var job = Job("canary.yml", "canary");
        var aws = With(Step(job, "aws-actions/configure-aws-credentials@"));
        Assert.Equal("${{ vars.AWS_VERIFY_ROLE_ARN }}", aws["role-to-assume"]);
        Assert.False(aws.ContainsKey("aws-access-key-id"));
        var azure = With(Step(job, "azure/login@"));
        Assert.Equal("${{ vars.AZURE_VERIFY_CLIENT_ID }}", azure["client-id"]);
        Assert.False(azure.ContainsKey("creds"));

        var pulumi = Step(job, "pulumi/actions@");
        Assert.Equal("output", With(pulumi)["command"]);
        Assert.Equal("${{ matrix.stack }}", With(pulumi)["stack-name"]);
        Assert.False(RunsTheProgram(pulumi));
        Assert.DoesNotContain(Steps(job), s => Uses(s).StartsWith("actions/cache@", StringComparison.Ordinal) && With(s)["path"] as string is ".synth" or "~/.pulumi/plugins");

        // The verdict reaches the job summary even when verify fails.
        var summary = Assert.Single(Steps(job), s => Run(s).Contains("$GITHUB_STEP_SUMMARY"));
        Assert.Equal("always()", If(summary));
        Assert.Contains("verify.txt", Run(summary));
    }

    // --- Node ----------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_job_that_runs_node_sets_up_node_22_first(string file)
    {
        foreach (var (name, node) in Map(Workflow(file)["jobs"]))
        {
            var job = Map(node);
            if (!job.ContainsKey("steps"))
            {
                continue; // a call of a reusable workflow, checked in its own file
            }
            var steps = Steps(job);
            var setups = steps.Where(s => Uses(s).StartsWith("actions/setup-node@", StringComparison.Ordinal)).ToList();
            Assert.All(setups, s => Assert.Equal(CiNodeMajor.ToString(), With(s)["node-version"]?.ToString()));
            foreach (var step in steps.Where(RunsNode))
            {
                // Set up before, and at least wherever the step runs (same condition, or none).
                Assert.True(setups.Any(s => steps.IndexOf(s) < steps.IndexOf(step) && (If(s) is null || If(s) == If(step))),
                    $"{file} {name}: '{Run(step).Trim()}' runs node without actions/setup-node {CiNodeMajor} before it");
            }
        }
    }

    [Fact]
    public void The_tools_declare_the_node_their_dependencies_need_and_ci_sets_it_up()
    {
        var tool = Path.Combine(TestSupport.RepoRoot, "tools", "schema-check");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(tool, "package.json")));
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(tool, "package-lock.json")));
        var pulumiNeeds = lockFile.RootElement.GetProperty("packages").GetProperty("node_modules/@pulumi/pulumi").GetProperty("engines").GetProperty("node").GetString();
        Assert.Equal(pulumiNeeds, manifest.RootElement.GetProperty("engines").GetProperty("node").GetString());
        Assert.Equal(pulumiNeeds, lockFile.RootElement.GetProperty("packages").GetProperty("").GetProperty("engines").GetProperty("node").GetString());

        foreach (var packageJson in Directory.GetDirectories(Path.Combine(TestSupport.RepoRoot, "tools")).Select(d => Path.Combine(d, "package.json")).Where(File.Exists))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(packageJson));
            if (document.RootElement.TryGetProperty("engines", out var engines) && engines.TryGetProperty("node", out var range))
            {
                var minimum = Regex.Match(range.GetString()!, @"^>=\s*(\d+)");
                Assert.True(minimum.Success, $"{packageJson}: engines.node '{range}' is not of the form >=N");
                Assert.True(int.Parse(minimum.Groups[1].Value) <= CiNodeMajor, $"{packageJson} needs node {range}; CI sets up {CiNodeMajor}");
            }
        }
    }

    /// <summary>Every Pulumi step installs the CLI the component package needs (tools/workflow-lint holds the same).</summary>
    [Fact]
    public void Every_pulumi_step_installs_the_minimum_cli_for_the_component_package()
    {
        var steps = WorkflowFiles().SelectMany(file => Map(Workflow(file)["jobs"]).Values.Select(Map).Where(job => job.ContainsKey("steps")).SelectMany(Steps))
            .Where(step => Uses(step).StartsWith("pulumi/actions@", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(steps);
        Assert.All(steps, step => Assert.Equal(Infra.Stacks.Packaging.ComponentPackage.MinimumPulumiCli, With(step).GetValueOrDefault("pulumi-version") as string));
    }
}
