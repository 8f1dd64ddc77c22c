using Infra.Components;
using Infra.Model;
using Infra.Tests.Evaluation;

namespace Infra.Tests.Components.Ingress;

/// <summary>The ingress token: where it is generated, where it may go, and how the collector asks for it.</summary>
public class IngressTokenTests
{
    private static readonly EvaluatedProgram Dev = TestSupport.Evaluate("dev");
    private static readonly EvaluatedProgram Prod = TestSupport.Evaluate("prod");

    private static Dictionary<string, object?> CollectorYaml(EvaluatedProgram program, string tier) =>
        YamlTree.ParseMap((string)program.Resources[$"{tier}-otel-config"].Inputs["insecureValue"]!);

    private static Dictionary<string, object?> At(Dictionary<string, object?> node, string path) =>
        path.Split('.').Aggregate(node, (current, key) => (Dictionary<string, object?>)current[key]!);

    private static object? VaultValue(EvaluatedProgram program, string secret) =>
        ((Dictionary<string, object?>)program.Resources[secret].Inputs["properties"]!)["value"];

    private static EvaluatedProgram EvaluateDevWith(params (string Key, string? Value)[] changes)
    {
        var directory = TestSupport.StackDirectoryWith("test", TestSupport.DevStackWith(changes));
        var result = TestSupport.RunCli(["synth", "--stack", "test", "--flat"], projectDirectory: directory);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return new ProgramEvaluator(FakeCloud.Create().Object).Evaluate(result.Stdout);
    }

    [Theory]
    [InlineData("dev", "collector")]
    [InlineData("prod", "router")]
    public void The_receiving_tier_authenticates_both_protocols_with_bearertokenauth_listed_in_the_service(string stack, string tier)
    {
        var config = CollectorYaml(stack == "dev" ? Dev : Prod, tier);

        Assert.Equal("bearertokenauth", At(config, "receivers.otlp.protocols.grpc.auth")["authenticator"]);
        Assert.Equal("bearertokenauth", At(config, "receivers.otlp.protocols.http.auth")["authenticator"]);
        Assert.Equal(
            new List<object?> { "${env:OTLP_INGRESS_TOKEN}", "${env:OTLP_INGRESS_TOKEN_PREVIOUS}", "${env:OTLP_INGRESS_TOKEN_NEXT}" },
            At(config, "extensions.bearertokenauth")["tokens"]);
        Assert.Equal(["tokens"], At(config, "extensions.bearertokenauth").Keys);
        Assert.Contains("bearertokenauth", (List<object?>)At(config, "service")["extensions"]!);
    }

    [Fact]
    public void The_program_escapes_the_environment_references_so_pulumi_leaves_them_to_the_collector()
    {
        var program = TestSupport.Synth("prod");
        foreach (var variable in IngressCredentials.TokenVariables)
        {
            Assert.Contains($"            - $${{env:{variable}}}\n", program);
            Assert.DoesNotContain($" ${{env:{variable}}}", program);
        }
    }

    [Fact]
    public void Samplers_take_no_token()
    {
        var sampler = CollectorYaml(Prod, "sampler");
        Assert.False(At(sampler, "receivers.otlp.protocols.grpc").ContainsKey("auth"));
        Assert.False(At(sampler, "extensions").ContainsKey("bearertokenauth"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_token_reaches_only_secure_strings_and_key_vault_secrets_and_stays_secret(string stack)
    {
        var program = stack == "dev" ? Dev : Prod;
        var holders = new List<string>();
        void Walk(object? value, string path, bool secret)
        {
            switch (value)
            {
                case Secret wrapped:
                    Walk(wrapped.Value, path, true);
                    break;
                case string text when text.Contains("FakePassword4", StringComparison.Ordinal):
                    Assert.True(secret, $"{path} holds a token in plain text");
                    holders.Add(path);
                    break;
                case Dictionary<string, object?> map:
                    foreach (var (key, item) in map)
                    {
                        Walk(item, $"{path}.{key}", secret);
                    }
                    break;
                case List<object?> list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        Walk(list[i], $"{path}[{i}]", secret);
                    }
                    break;
            }
        }
        foreach (var resource in program.Resources.Values.Where(r => r.Type != "random:RandomPassword"))
        {
            foreach (var (key, value) in resource.Inputs)
            {
                Walk(value, $"{resource.Name}.{key}", secret: false);
            }
        }
        foreach (var (name, value) in program.Outputs)
        {
            Walk(value, $"outputs.{name}", secret: false);
        }

        Assert.Equal(
            [
                "ingress-token-next-parameter.value", "ingress-token-parameter.value", "ingress-token-previous-parameter.value",
                "key-vault-otlp-headers.properties.value", "key-vault-otlp-ingress-token.properties.value", "otlp-headers-parameter.value",
            ],
            holders.Order(StringComparer.Ordinal));
        Assert.Equal(new Secret(FakeCloud.FakePassword("ingress-token-slot-1")), program.Resources["ingress-token-parameter"].Inputs["value"]);
        Assert.Equal(new Secret("Authorization=Bearer%20" + FakeCloud.FakePassword("ingress-token-slot-1")), program.Resources["otlp-headers-parameter"].Inputs["value"]);
        Assert.All(program.OfType("aws:ssm:Parameter").Where(p => ((string)p.Inputs["name"]!).Contains("token", StringComparison.Ordinal)),
            parameter => Assert.Equal("SecureString", parameter.Inputs["type"]));
    }

    [Fact]
    public void Passwords_are_long_letters_and_digits_with_secret_results()
    {
        var passwords = Dev.OfType("random:RandomPassword").ToList();
        Assert.Equal(3, passwords.Count);
        Assert.All(passwords, password =>
        {
            Assert.Equal(48L, password.Inputs["length"]);
            Assert.Equal(false, password.Inputs["special"]);
            Assert.IsType<Secret>(password.State["result"]);
        });
    }

    [Theory]
    [InlineData(1, new[] { 0, 1, 2 }, 1)]
    [InlineData(2, new[] { 3, 1, 2 }, 2)]
    [InlineData(3, new[] { 3, 4, 2 }, 0)]
    [InlineData(7, new[] { 6, 7, 8 }, 1)]
    public void Each_generation_keeps_previous_current_and_next_in_fixed_slots(int generation, int[] generationBySlot, int currentSlot)
    {
        var slots = IngressTokenSlots.For(generation);
        Assert.Equal([0, 1, 2], slots.Select(s => s.Slot));
        Assert.Equal(generationBySlot, slots.Select(s => s.Generation));
        Assert.Equal(currentSlot, slots.Single(s => s.Role == IngressTokenRole.Current).Slot);
        Assert.Equal(generation - 1, slots.Single(s => s.Role == IngressTokenRole.Previous).Generation);
        Assert.Equal(generation + 1, slots.Single(s => s.Role == IngressTokenRole.Next).Generation);
    }

    [Fact]
    public void A_rotation_replaces_one_password_hands_out_the_staged_token_and_restarts_the_receiving_tasks()
    {
        var rotated = EvaluateDevWith(("otel-multicloud:ingressTokenGeneration", "\"2\""));

        static Dictionary<string, object?> Keepers(EvaluatedProgram program, int slot) =>
            (Dictionary<string, object?>)program.Resources[$"ingress-token-slot-{slot}"].Inputs["keepers"]!;
        var changed = Enumerable.Range(0, 3).Where(slot => !Keepers(Dev, slot)["generation"]!.Equals(Keepers(rotated, slot)["generation"])).ToList();
        Assert.Equal([0], changed);
        Assert.Equal("3", Keepers(rotated, 0)["generation"]);

        // The token handed out now (slot 2) was already the staged "next" one that every running collector accepts.
        Assert.Equal(Dev.Resources["ingress-token-next-parameter"].Inputs["value"], rotated.Resources["ingress-token-parameter"].Inputs["value"]);
        Assert.Equal(Dev.Resources["ingress-token-parameter"].Inputs["value"], rotated.Resources["ingress-token-previous-parameter"].Inputs["value"]);
        Assert.Equal(new Secret(FakeCloud.FakePassword("ingress-token-slot-2")), VaultValue(rotated, "key-vault-otlp-ingress-token"));

        // The collector YAML does not change; the task definition does, so ECS starts tasks that read the new set.
        // (Compared within the scratch stack: the config names its stack in the metrics namespace and log group.)
        var unrotated = EvaluateDevWith();
        Assert.Equal(unrotated.Resources["collector-otel-config"].Inputs["insecureValue"], rotated.Resources["collector-otel-config"].Inputs["insecureValue"]);
        Assert.Contains("\"OTLP_INGRESS_TOKEN_GENERATION\",\"value\":\"2\"", (string)rotated.Resources["collector-task"].Inputs["containerDefinitions"]!);
    }

    [Fact]
    public void Without_authentication_there_is_no_token_no_extension_and_no_token_secret()
    {
        var open = EvaluateDevWith(("otel-multicloud:ingressAuth", "none"));
        var config = YamlTree.ParseMap((string)open.Resources["collector-otel-config"].Inputs["insecureValue"]!);

        Assert.False(At(config, "receivers.otlp.protocols.grpc").ContainsKey("auth"));
        Assert.False(At(config, "receivers.otlp.protocols.http").ContainsKey("auth"));
        Assert.False(At(config, "extensions").ContainsKey("bearertokenauth"));
        Assert.Empty(open.OfType("random:RandomPassword"));
        Assert.Equal(["otlp-grpc-endpoint", "otlp-http-endpoint"], open.OfType("azure-native:keyvault:Secret").Select(s => (string)s.Inputs["secretName"]!).Order());
        Assert.False(open.Outputs.ContainsKey("ingressTokenParameterArn"));
        Assert.DoesNotContain("OTLP_INGRESS_TOKEN", (string)open.Resources["collector-task"].Inputs["containerDefinitions"]!);
    }

    [Fact]
    public void The_plan_masks_every_value_that_carries_the_token()
    {
        var plan = TestSupport.RunCli(["plan", "--stack", "dev"]).Stdout;
        Assert.DoesNotContain("ingress-token-slot-1.result", plan);
        Assert.DoesNotContain("Authorization=Bearer%20", plan);
    }
}
