using Infra.Model;
using Infra.Model.Aws;
using Infra.Tests.Evaluation;

namespace Infra.Tests;

/// <summary>The mocked-monitor evaluator must catch what the engine would: these prove it can fail.</summary>
public class EvaluatorTests
{
    private static EvaluatedProgram Evaluate(string yaml) => new ProgramEvaluator(FakeCloud.Create().Object).Evaluate(yaml);

    /// <summary>A component whose connection string is a secret output; tests append what consumes it.</summary>
    private const string SecretSource = """
        resources:
          ai:
            type: azure-native:applicationinsights:Component
            properties:
              resourceName: x
            options:
              additionalSecretOutputs: [connectionString]

        """;

    /// <summary>A generated token (secret result); tests append where it goes.</summary>
    private const string TokenSource = """
        resources:
          token:
            type: random:RandomPassword
            properties:
              length: 48
            options:
              additionalSecretOutputs: [result]

        """;

    private static readonly string Token = FakeCloud.FakePassword("token");

    public static TheoryData<string> Stacks => new(TestSupport.StackNames);

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_stack_file_evaluates_with_every_reference_resolved(string stack)
    {
        var yaml = TestSupport.Synth(stack);
        var declared = ((Dictionary<string, object?>)Infra.Model.YamlTree.ParseMap(yaml)["resources"]!).Keys.Order().ToList();

        var program = new ProgramEvaluator(FakeCloud.Create().Object).Evaluate(yaml);

        Assert.Equal(declared, program.Resources.Keys.Order().ToList());
        // Only the collector's own ${env:...} references may remain: Pulumi YAML read them as escaped literals.
        Assert.DoesNotContain(program.Resources.Values.SelectMany(r => r.Inputs.Values), value => value is string text && text.Replace("${env:", "", StringComparison.Ordinal).Contains("${"));
    }

    [Fact]
    public void Reference_to_an_undeclared_resource_fails()
    {
        var error = Assert.Throws<EvaluationException>(() => Evaluate("""
            resources:
              a:
                type: random:RandomString
                properties:
                  length: ${missing.result}
            """));
        Assert.Equal("Resource 'a' references '${missing.result}', but nothing named 'missing' is declared.", error.Message);
    }

    [Fact]
    public void Reference_to_an_output_the_resource_lacks_dangles()
    {
        var error = Assert.Throws<EvaluationException>(() => Evaluate("""
            resources:
              a:
                type: random:RandomString
                properties:
                  length: 4
              b:
                type: random:RandomString
                properties:
                  keepers:
                    x: ${a.reslt}
            """));
        Assert.Equal("b.keepers.x: '${a.reslt}' dangles: 'a' has no output 'reslt'.", error.Message);
    }

    [Fact]
    public void Dependency_cycle_fails()
    {
        var error = Assert.Throws<EvaluationException>(() => Evaluate("""
            resources:
              a:
                type: random:RandomString
                properties:
                  keepers: { x: "${b.result}" }
              b:
                type: random:RandomString
                properties:
                  keepers: { x: "${a.result}" }
            """));
        Assert.Equal("Dependency cycle: a -> b -> a", error.Message);
    }

    [Fact]
    public void Secret_into_a_plain_input_fails()
    {
        var error = Assert.Throws<EvaluationException>(() => Evaluate(SecretSource + """
              leak:
                type: aws:ssm:Parameter
                properties:
                  name: /p/leak
                  type: String
                  value: prefix-${ai.connectionString}
            """));
        Assert.Equal("A secret flows into 'leak.value' (aws:ssm:Parameter), which is not an input that keeps secrets.", error.Message);
    }

    [Fact]
    public void Secret_inside_to_json_taints_the_whole_document()
    {
        var error = Assert.Throws<EvaluationException>(() => Evaluate(SecretSource + """
              task:
                type: aws:ecs:TaskDefinition
                properties:
                  containerDefinitions:
                    fn::toJSON:
                      - environment:
                          - value: ${ai.connectionString}
            """));
        Assert.Contains("'task.containerDefinitions'", error.Message);
    }

    [Fact]
    public void Secret_into_a_secure_string_parameter_is_allowed_and_stays_secret()
    {
        var program = Evaluate(SecretSource + """
              param:
                type: aws:ssm:Parameter
                properties:
                  name: /p/conn
                  type: SecureString
                  value: ${ai.connectionString}
            """);
        Assert.Equal(new Secret(FakeCloud.FakeConnectionString), program.Resources["param"].Inputs["value"]);
    }

    [Fact]
    public void Escaped_interpolation_stays_literal()
    {
        var program = Evaluate("""
            resources:
              a:
                type: random:RandomString
                properties:
                  keepers: { x: "$${env:HOME}" }
            """);
        Assert.Equal("${env:HOME}", ((Dictionary<string, object?>)program.Resources["a"].Inputs["keepers"]!)["x"]);
    }

    [Theory]
    [InlineData("a$", "a$$${a.result}")]
    [InlineData("$$", "$$$$${a.result}")]
    [InlineData("$${env:X}", "$$$${env:X}${a.result}")]
    public void A_literal_dollar_before_a_reference_neither_collapses_nor_swallows_it(string literal, string written)
    {
        var program = Evaluate($$"""
            resources:
              a:
                type: random:RandomString
                properties:
                  length: 4
            outputs:
              value: "{{written}}"
            """);
        Assert.Equal(literal + "abc123", program.Outputs["value"]);
    }

    [Fact]
    public void A_collector_config_with_environment_references_round_trips_through_the_program()
    {
        var collectorYaml = "exporters:\n  azuremonitor:\n    connection_string: ${env:APPLICATIONINSIGHTS_CONNECTION_STRING}\n    note: costs 5$ and $${literal}\n";
        var program = new PulumiProgram("p", "d");
        program.Add("c", new SsmParameter("config", new SsmParameterArgs { Name = "/p/config", Type = "String", InsecureValue = collectorYaml }));

        var evaluated = new ProgramEvaluator(FakeCloud.Create().Object).Evaluate(ProgramWriter.ToYaml(program));

        Assert.Equal(collectorYaml, evaluated.Resources["config"].Inputs["insecureValue"]);
    }

    [Fact]
    public void Explicit_fn_secret_is_tracked()
    {
        var program = Evaluate("""
            resources:
              a:
                type: random:RandomString
                properties:
                  length: 4
            outputs:
              hidden:
                fn::secret: ${a.result}
            """);
        Assert.Equal(new Secret("abc123"), program.Outputs["hidden"]);
    }

    [Fact]
    public void A_token_in_a_plain_string_parameter_fails()
    {
        var error = Assert.Throws<EvaluationException>(() => Evaluate(TokenSource + """
              leak:
                type: aws:ssm:Parameter
                properties:
                  name: /p/token
                  type: String
                  value: ${token.result}
            """));
        Assert.Equal("A secret flows into 'leak.value' (aws:ssm:Parameter), which is not an input that keeps secrets.", error.Message);
    }

    [Fact]
    public void A_token_written_into_the_collector_yaml_fails()
    {
        var error = Assert.Throws<EvaluationException>(() => Evaluate(TokenSource + """
              config:
                type: aws:ssm:Parameter
                properties:
                  name: /p/config
                  type: String
                  insecureValue: "extensions:\n  bearertokenauth:\n    tokens:\n    - ${token.result}\n"
            """));
        Assert.Equal("A secret flows into 'config.insecureValue' (aws:ssm:Parameter), which is not an input that keeps secrets.", error.Message);
    }

    [Fact]
    public void A_token_in_a_tag_fails()
    {
        var error = Assert.Throws<EvaluationException>(() => Evaluate(TokenSource + """
              vault:
                type: azure-native:keyvault:Vault
                properties:
                  vaultName: kv
                  tags:
                    token: ${token.result}
            """));
        Assert.Equal("A secret flows into 'vault.tags.token' (azure-native:keyvault:Vault), which is not an input that keeps secrets.", error.Message);
    }

    [Fact]
    public void A_token_in_a_stack_output_not_marked_secret_fails()
    {
        var error = Assert.Throws<EvaluationException>(() => Evaluate(TokenSource + """
            outputs:
              header: Bearer ${token.result}
            """));
        Assert.Equal("A secret flows into stack output 'header', which is not marked secret (wrap it in fn::secret).", error.Message);

        var marked = Evaluate(TokenSource + """
            outputs:
              header:
                fn::secret: Bearer ${token.result}
            """);
        Assert.Equal(new Secret($"Bearer {Token}"), marked.Outputs["header"]);
    }

    [Fact]
    public void A_token_in_a_key_vault_secret_value_is_allowed_and_stays_secret_but_not_in_its_other_inputs()
    {
        var program = Evaluate(TokenSource + """
              secret:
                type: azure-native:keyvault:Secret
                properties:
                  vaultName: kv
                  secretName: otlp-headers
                  properties:
                    value: Authorization=Bearer%20${token.result}
            """);
        Assert.Equal(new Secret($"Authorization=Bearer%20{Token}"), ((Dictionary<string, object?>)program.Resources["secret"].Inputs["properties"]!)["value"]);

        var error = Assert.Throws<EvaluationException>(() => Evaluate(TokenSource + """
              secret:
                type: azure-native:keyvault:Secret
                properties:
                  vaultName: kv
                  secretName: otlp-headers
                  properties:
                    value: x
                    contentType: ${token.result}
            """));
        Assert.Equal("A secret flows into 'secret.properties.contentType' (azure-native:keyvault:Secret), which is not an input that keeps secrets.", error.Message);
    }

    [Fact]
    public void An_ecs_secret_names_its_parameter_by_arn_which_is_no_secret()
    {
        var program = Evaluate(TokenSource + """
              parameter:
                type: aws:ssm:Parameter
                properties:
                  name: /p/token
                  type: SecureString
                  value: ${token.result}
              task:
                type: aws:ecs:TaskDefinition
                properties:
                  containerDefinitions:
                    fn::toJSON:
                      - secrets:
                          - name: OTLP_INGRESS_TOKEN
                            valueFrom: ${parameter.arn}
            """);
        var definitions = Assert.IsType<string>(program.Resources["task"].Inputs["containerDefinitions"]);
        Assert.Contains("arn:aws:ssm:eu-west-1:123456789012:parameter/p/token", definitions);
        Assert.DoesNotContain(Token, definitions);
    }

    [Fact]
    public void Join_concatenates_invoke_results_and_keeps_secrets_secret()
    {
        var program = Evaluate(TokenSource + """
            outputs:
              role:
                fn::join:
                  - ""
                  - - /subscriptions/
                    - fn::invoke:
                        function: azure-native:authorization:getClientConfig
                        return: subscriptionId
                    - /providers
              hidden:
                fn::secret:
                  fn::join: ["-", [a, "${token.result}"]]
            """);
        Assert.Equal($"/subscriptions/{FakeCloud.SubscriptionId}/providers", program.Outputs["role"]);
        Assert.Equal(new Secret($"a-{Token}"), program.Outputs["hidden"]);
    }
}
