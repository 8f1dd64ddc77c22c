using Multicloud.Verify.Tests.Fakes;

namespace Multicloud.Verify.Tests;

/// <summary>Bad input ends with exit code 2 and one line on stderr naming what to fix: no stack trace, no report, no secret.</summary>
public sealed class CommandLineTests
{
    public static TheoryData<string[], string> BadInput => new()
    {
        { ["--outputs", "/nonexistent/outputs.json"], "error: --outputs /nonexistent/outputs.json: no such file." },
        { ["--timeout", "soon"], "error: --timeout is 'soon': give a positive duration" },
        { ["--xray-export", "daemon"], "error: Argument 'daemon' not recognized. Must be one of: 'otlp' 'segments' Run with --help for usage." },
        { ["--connect-to", "127.0.0.1"], "error: --connect-to is '127.0.0.1': give host:port" },
        { ["--logs-endpoint", "logs.local"], "error: --logs-endpoint is 'logs.local': give an absolute http:// or https:// URL." },
        { ["--unknown"], "error: Unrecognized command or argument '--unknown'." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_options_exit_2_with_one_line(string[] args, string expected)
    {
        await using var cloud = await FakeCloud.StartAsync();
        var run = await cloud.RunAsync(Replacing(cloud.Arguments(TimeSpan.FromSeconds(5)), args));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected, run.Stderr.Split('\n').Last(l => l.Length > 0));
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.Empty(run.Stdout);
        Assert.Empty(cloud.Ingress.Authorizations);
    }

    /// <summary>The fake cloud's arguments with the options in <paramref name="args"/> given those values instead.</summary>
    private static string[] Replacing(string[] arguments, string[] args)
    {
        var kept = new List<string>();
        for (var i = 0; i < arguments.Length; i += 2)
        {
            if (!args.Contains(arguments[i]))
            {
                kept.AddRange([arguments[i], arguments[i + 1]]);
            }
        }

        return [.. kept, .. args];
    }

    [Fact]
    public async Task A_missing_stack_option_is_a_usage_error()
    {
        await using var cloud = await FakeCloud.StartAsync();
        var run = await cloud.RunAsync(["--outputs", cloud.OutputsFile]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--stack", run.Stderr);
    }

    [Theory]
    [InlineData("not json", "is not JSON")]
    [InlineData("[1, 2]", "is JSON but not an object")]
    [InlineData("{\"otlpHttpEndpoint\": \"http://127.0.0.1:4318\"}", "has no string output 'logAnalyticsWorkspaceId'")]
    [InlineData("{\"otlpHttpEndpoint\": \"collector:4318\", \"logAnalyticsWorkspaceId\": \"x\"}", "otlpHttpEndpoint is 'collector:4318', not an http:// or https:// URL")]
    public async Task Outputs_that_are_not_a_stacks_are_refused_by_name(string outputs, string expected)
    {
        await using var cloud = await FakeCloud.StartAsync();
        File.WriteAllText(cloud.OutputsFile, outputs);
        var run = await cloud.RunAsync(cloud.Arguments(TimeSpan.FromSeconds(5)));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public async Task Without_a_region_anywhere_verify_says_where_to_give_one()
    {
        await using var cloud = await FakeCloud.StartAsync();
        File.WriteAllText(cloud.StackFile, "config:\n  azure-native:location: westeurope\n");
        var run = await cloud.RunAsync(cloud.Arguments(TimeSpan.FromSeconds(5)));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no AWS region: give --region", run.Stderr);
    }

    [Fact]
    public async Task A_token_that_cannot_be_read_names_the_permission_and_the_variable()
    {
        await using var cloud = await FakeCloud.StartAsync();
        cloud.Aws.Deny = "GetParameter";
        var run = await cloud.RunAsync(cloud.Arguments(TimeSpan.FromSeconds(5)));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("grant ssm:GetParameter on " + FakeCloud.TokenParameterArn + ", or set OTLP_INGRESS_TOKEN", run.Stderr);
        Assert.DoesNotContain(cloud.Token, run.Stderr);
    }

    [Fact]
    public async Task Help_prints_usage_and_exits_0()
    {
        await using var cloud = await FakeCloud.StartAsync();
        var run = await cloud.RunAsync(["--help"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--xray-export", run.Stdout);
        Assert.Contains("--connect-to", run.Stdout);
    }
}
