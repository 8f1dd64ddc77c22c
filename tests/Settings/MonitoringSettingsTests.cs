using Infra.Settings;
using static Infra.Tests.ErrorMessageAssert;

namespace Infra.Tests.Settings;

/// <summary>The monitoring keys: defaults, the stacks' values, and each mistake refused with one message naming the key.</summary>
public class MonitoringSettingsTests
{
    private static UserError Rejects(params (string Key, string? Value)[] values) =>
        Assert.Throws<UserError>(() => StackSettingsReader.Read("test", SettingsTests.Config(values)));

    [Fact]
    public void Defaults_alarm_on_any_loss_and_tell_nobody_on_a_non_production_stack()
    {
        var monitoring = StackSettingsReader.Read("test", SettingsTests.Config()).Monitoring;
        Assert.Equal(new MonitoringSettings(monitoring.AlarmEmails, 300, 3, 0, 0, 0, 80, 80, 80, 15, 60, 2000), monitoring);
        Assert.Empty(monitoring.AlarmEmails);
    }

    [Fact]
    public void Dev_and_prod_differ_in_sensitivity()
    {
        var dev = StackSettingsReader.Read("dev", StackConfigLoader.FromStackFile(TestSupport.RepoRoot, "dev")).Monitoring;
        var prod = StackSettingsReader.Read("prod", StackConfigLoader.FromStackFile(TestSupport.RepoRoot, "prod")).Monitoring;
        Assert.Equal(new MonitoringSettings(dev.AlarmEmails, 300, 3, 100, 100, 100, 90, 90, 90, 30, 1440, 1000), dev);
        Assert.Equal(new MonitoringSettings(prod.AlarmEmails, 60, 5, 0, 0, 0, 80, 80, 80, 10, 15, 5000), prod);
        Assert.Equal(["otel-dev-alerts@example.com"], dev.AlarmEmails);
        Assert.Equal(["otel-oncall@example.com"], prod.AlarmEmails);
    }

    [Fact]
    public void An_address_that_is_not_one_is_refused()
    {
        var error = Rejects(("otel-multicloud:alarmEmails", """["oncall@example.com", "oncall.example.com"]"""));
        AssertMessageNamesProblem(error.Message, "Pulumi.test.yaml", "otel-multicloud:alarmEmails", "'[\"oncall@example.com\", \"oncall.example.com\"]'",
            "Allowed: a list of email addresses, possibly empty (production: at least 1)");
        Assert.Contains("has an item that is not an email address such as oncall@example.com: \"oncall.example.com\".", error.Message);
    }

    [Fact]
    public void An_address_named_twice_is_refused_whatever_its_case()
    {
        var error = Rejects(("otel-multicloud:alarmEmails", """["oncall@example.com", "OnCall@example.com"]"""));
        Assert.Equal("Pulumi.test.yaml: otel-multicloud:alarmEmails names oncall@example.com twice: each address gets one subscription.", error.Message);
    }

    [Fact]
    public void A_production_stack_must_tell_someone()
    {
        var config = SettingsTests.RequiredKeys();
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["otel-multicloud:production"] = "true",
            ["otel-multicloud:topology"] = "tiered",
            ["otel-multicloud:certificateArn"] = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-4000-8000-000000000000",
            ["otel-multicloud:ingressHostName"] = "otlp.example.com",
            ["otel-multicloud:keyVaultAllowedIpRanges"] = "[\"203.0.113.0/24\"]",
        })
        {
            config[key] = value;
        }
        var error = Assert.Throws<UserError>(() => StackSettingsReader.Read("prod", new StackConfig("Pulumi.prod.yaml", config)));
        AssertMessageNamesProblem(error.Message, "Pulumi.prod.yaml", "otel-multicloud:alarmEmails", null, "List at least one address");
        Assert.Contains("otel-multicloud:alarmEmails is empty in a production stack", error.Message);
        Assert.Contains("would tell nobody", error.Message);
    }

    [Fact]
    public void A_window_longer_than_a_day_is_refused()
    {
        var error = Rejects(("otel-multicloud:alarmPeriodSeconds", "3600"), ("otel-multicloud:alarmEvaluationPeriods", "25"));
        AssertMessageNamesProblem(error.Message, "Pulumi.test.yaml", "otel-multicloud:alarmPeriodSeconds", "3600", "lower one of them");
        Assert.Contains("otel-multicloud:alarmEvaluationPeriods = 25 is 90000 seconds", error.Message);
        Assert.Contains("CloudWatch evaluates at most 86400 (one day)", error.Message);
        Assert.Equal(24, StackSettingsReader.Read("test", SettingsTests.Config(("otel-multicloud:alarmPeriodSeconds", "3600"), ("otel-multicloud:alarmEvaluationPeriods", "24"))).Monitoring.AlarmEvaluationPeriods);
    }

    [Theory]
    [InlineData("otel-multicloud:alarmPeriodSeconds", "120", "is not one of the allowed values. Allowed: 60, 300, 900 or 3600 (x alarmEvaluationPeriods at most 86400).")]
    [InlineData("otel-multicloud:noSpansAlertMinutes", "20", "is not one of the allowed values. Allowed: one of 5, 10, 15, 30, 45, 60, 120, 180, 240, 300, 360, 1440, 2880 (Azure's log alert windows).")]
    [InlineData("otel-multicloud:queueAlarmPercent", "0", "is out of range. Allowed: 1..100.")]
    [InlineData("otel-multicloud:spanMetricsCardinalityLimit", "10", "is out of range. Allowed: 100..100000.")]
    [InlineData("otel-multicloud:taskShortfallMinutes", "2", "is out of range. Allowed: 5..1440.")]
    public void Values_out_of_range_are_refused_with_the_range(string key, string value, string reason)
    {
        AssertMessageNamesProblem(Rejects((key, value)).Message, "Pulumi.test.yaml", key, $"'{value}'", reason);
    }

    [Fact]
    public void The_cli_prints_the_refusal_as_one_line_and_exits_2()
    {
        var directory = TestSupport.StackDirectoryWith("test", TestSupport.DevStackWith(("otel-multicloud:alarmEmails", """["not-an-address"]""")));
        var result = TestSupport.RunCli(["synth", "--stack", "test", "--flat"], projectDirectory: directory);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("error: Pulumi.test.yaml: otel-multicloud:alarmEmails = ", result.Stderr);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }
}
