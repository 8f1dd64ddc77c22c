using Infra.Tests.Evaluation;

namespace Infra.Tests.Stacks;

/// <summary>The connection string crosses from Azure to AWS only as a secret.</summary>
public class ConnectionStringSecrecyTests
{
    public static TheoryData<string> Stacks => new(TestSupport.StackNames);

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Secure_string_parameter_holds_the_connection_string_as_a_secret(string stack)
    {
        var parameter = TestSupport.Evaluate(stack).Resources["azure-monitor-connection-string"];

        Assert.Equal("SecureString", parameter.Inputs["type"]);
        Assert.Equal(new Secret(FakeCloud.FakeConnectionString), parameter.Inputs["value"]);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void No_plain_string_parameter_holds_or_references_the_connection_string(string stack)
    {
        var yaml = TestSupport.Synth(stack);
        var program = TestSupport.Evaluate(stack);
        var plain = program.OfType("aws:ssm:Parameter").Where(p => (string)p.Inputs["type"]! != "SecureString").ToList();

        Assert.NotEmpty(plain);
        foreach (var parameter in plain)
        {
            Assert.False(parameter.Inputs.ContainsKey("value"));
            var value = Assert.IsType<string>(parameter.Inputs["insecureValue"]);
            Assert.DoesNotContain("InstrumentationKey", value);
            Assert.DoesNotContain("connectionString", value);
            Assert.DoesNotContain("connection_string", value);
        }
        // The only place the program mentions the output: the SecureString and the secret stack output.
        Assert.Equal(2, yaml.Split("${application-insights.connectionString}").Length - 1);
    }
}
