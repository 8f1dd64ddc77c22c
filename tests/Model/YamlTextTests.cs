using Infra.Collector;
using Infra.Model;
using Infra.Settings;
using Infra.Stacks;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;
using YamlDotNet.Serialization.NamingConventions;

namespace Infra.Tests.Model;

/// <summary>
/// The YAML the synth writes without YamlDotNet's serializer (for start-up time) is byte for byte what
/// that serializer, configured as the synth used to configure it, writes for the same values.
/// </summary>
public class YamlTextTests
{
    private static readonly ISerializer ProgramSerializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings(quoteYaml1_1Strings: true)
        .DisableAliases()
        .WithEventEmitter(next => new StyleEmitter(next))
        .Build();

    private static readonly ISerializer CollectorSerializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .WithQuotingNecessaryStrings(quoteYaml1_1Strings: true)
        .DisableAliases()
        .Build();

    public static TheoryData<string> Stacks => new(TestSupport.StackNames);

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_stacks_program_and_collector_config_are_written_as_the_serializer_writes_them(string stack)
    {
        var settings = StackSettingsReader.Read(stack, StackConfigLoader.FromStackFile(TestSupport.RepoRoot, stack));
        var tree = ProgramWriter.ToTree(ObservabilityStack.Build(settings).Program);
        Assert.Equal(ProgramSerializer.Serialize(tree), ProgramWriter.Serialize(tree));

        // Every tier's config, whichever topology and export the stack runs, with and without ingress tokens.
        var sizing = Infra.Capacity.StackCapacity.TailSamplingOf(settings);
        var names = new SamplerDiscoveryNames($"{stack}.example.internal", "sampler");
        var memory = settings.Runtime.Topology.Sampling.Size.MemoryMiB;
        var tokens = new BearerTokenIngress(IngressCredentials.TokenVariables);
        var collectors = new[] { false, true }.SelectMany(xrayOverOtlp =>
        {
            var export = new CloudExport(settings.AwsRegion, xrayOverOtlp);
            return new[]
            {
                CollectorConfigFactory.Single(export, settings.TailSampling, sizing, memory, ingressAuth: null),
                CollectorConfigFactory.Single(export, settings.TailSampling, sizing, memory, tokens),
                CollectorConfigFactory.Router(names, memory, ingressAuth: null),
                CollectorConfigFactory.Router(names, memory, tokens),
                CollectorConfigFactory.Sampler(export, settings.TailSampling, sizing, memory),
            };
        }).ToList();
        Assert.All(collectors, collector => Assert.Equal(CollectorSerializer.Serialize(collector), CollectorYaml.Serialize(collector)));
        var sampler = collectors[^1];
        Assert.Equal(
            CollectorSerializer.Serialize(new Dictionary<string, object> { ["processors"] = new Dictionary<string, object> { ["tail_sampling"] = sampler.Processors["tail_sampling"] } }),
            CollectorYaml.SerializeTailSampling(sampler));
    }

    [Fact]
    public void The_plugin_manifest_is_written_as_the_serializer_writes_it()
    {
        var tree = ProgramWriter.ToTree(PluginManifest.Build());
        Assert.Equal(ProgramSerializer.Serialize(tree), ProgramWriter.Serialize(tree));
    }

    // Strings YAML readers take for something else, or that need quoting or escaping, in every form.
    private static readonly string[] Scalars =
    [
        "", " ", "  x", "x ", "\t", "a\nb", "a\nb\n", "a \nb", "a\tb\nc", "line\n\nlast", "\n",
        "null", "Null", "NULL", "~", "true", "False", "TRUE", "y", "Y", "yes", "No", "n", "on", "OFF", "Off",
        "0", "-0", "+1", "012", "0o17", "0o8", "0b101", "0b2", "0x1F", "0xG", "1_000", "1:30", "-1:30:59", "190:20:30.15",
        "1.5", ".5", "-.5", "5.", "1e5", "1.0e+5", "1.0E-5", "1.0e5", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "nan", "inf",
        "2012-10-17", "2026-11-29T08:00:00Z", "1234-56-78", "12345-6-7",
        "a: b", "a:b", "a #b", "#a", "- a", "-a", "? a", "[a]", "{a}", "a, b", "&a", "*a", "!a", "|", ">", "'a'", "\"a\"",
        "%a", "@a", "`a", "a'b", "a\"b", "a\\b", "$${x}", "${x.y}", "é", "中文", "😀", "\u0085", "\u2028", "a\u0007b",
        "arn:aws:iam::aws:policy/x", "0.0.0.0:4317", "10s", "ERROR", "vpc-0f1e2d3c4b5a69788",
    ];

    public static TheoryData<string> ScalarCases => new(Scalars);

    [Theory]
    [MemberData(nameof(ScalarCases))]
    public void A_string_is_written_as_the_serializer_writes_it_as_key_value_and_list_item(string text)
    {
        var tree = Node.Map(("k", text), (text, "v"), ("list", new List<object> { text, Node.Map(("nested", text)) }));
        Assert.Equal(ProgramSerializer.Serialize(tree), ProgramWriter.Serialize(tree));
        Assert.Equal(CollectorSerializer.Serialize(tree), YamlText.Write(tree));
    }

    [Fact]
    public void Random_trees_are_written_as_the_serializer_writes_them()
    {
        var random = new Random(20261129);
        for (var i = 0; i < 500; i++)
        {
            var tree = RandomMap(random, depth: 0);
            Assert.Equal(ProgramSerializer.Serialize(tree), ProgramWriter.Serialize(tree));
        }
    }

    private static OrderedDictionary<string, object> RandomMap(Random random, int depth)
    {
        var map = new OrderedDictionary<string, object>(StringComparer.Ordinal);
        for (var i = random.Next(depth == 0 ? 1 : 0, 5); i > 0; i--)
        {
            map.TryAdd(RandomString(random), RandomValue(random, depth + 1));
        }
        return map;
    }

    private static object RandomValue(Random random, int depth) => random.Next(depth > 3 ? 5 : 7) switch
    {
        0 => random.Next(2) == 0,
        1 => (long)random.Next(-100_000, 100_000),
        2 => Math.Round(random.NextDouble() * 1000 - 500, random.Next(4)),
        3 or 4 => RandomString(random),
        5 => RandomMap(random, depth),
        _ => Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, depth + 1)).ToList(),
    };

    private static string RandomString(Random random)
    {
        if (random.Next(3) == 0)
        {
            return Scalars[random.Next(Scalars.Length)];
        }
        const string Alphabet = "abyneEoxINF019_.:+-# \n\t'\"[]{},&*!|>%@`~?é";
        return new string(Enumerable.Range(0, random.Next(8)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
    }

    /// <summary>The scalar styles the synth's serializer used: ProgramWriter's rule, applied before the serializer's own.</summary>
    private sealed class StyleEmitter(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string text && ProgramWriter.StyleFor(text) is { } style)
            {
                eventInfo.Style = style;
            }
            base.Emit(eventInfo, emitter);
        }
    }
}
