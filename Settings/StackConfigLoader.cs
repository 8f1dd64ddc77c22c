using System.Text.Json;
using YamlDotNet.Core;
using Infra.Model;
using YamlDotNet.RepresentationModel;

namespace Infra.Settings;

/// <summary>Reads stack config from <c>PULUMI_CONFIG</c> (what the YAML runtime hands its compiler) or a stack file.</summary>
public static class StackConfigLoader
{
    /// <summary>Read with <see cref="JsonDocument"/>, not the serializer: it runs on every engine call, and the serializer's first use costs tens of milliseconds.</summary>
    public static StackConfig FromPulumiConfigJson(string json)
    {
        const string Expected = "a JSON object of \"project:key\": \"value\" strings";
        using var document = ParseJson(json, Expected);
        var root = document.RootElement;
        // SortedList, not SortedDictionary: its code is precompiled; SortedDictionary's inner set of
        // key-value structs is JIT-compiled at every start of the synth.
        var values = new SortedList<string, string?>(StringComparer.Ordinal);
        if (root.ValueKind == JsonValueKind.Null)
        {
            return new StackConfig("PULUMI_CONFIG", values);
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new UserError($"PULUMI_CONFIG is not {Expected} (it is a JSON {root.ValueKind.ToString().ToLowerInvariant()}).");
        }
        foreach (var property in root.EnumerateObject())
        {
            var key = Text(() => property.Name, "PULUMI_CONFIG has a key that");
            var value = property.Value.ValueKind == JsonValueKind.String
                ? Text(() => property.Value.GetString()!, $"PULUMI_CONFIG: {UserError.Show(key)} has a value that")
                : property.Value.GetRawText();
            // The engine never repeats a key; a hand-made PULUMI_CONFIG that does is ambiguous, not "last one wins".
            if (!values.TryAdd(key, value))
            {
                throw new UserError($"PULUMI_CONFIG: {UserError.Show(key)} is set twice; keep one.");
            }
        }
        return new StackConfig("PULUMI_CONFIG", values);
    }

    private static JsonDocument ParseJson(string json, string expected)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new UserError($"PULUMI_CONFIG is not {expected} ({e.Message}).");
        }
    }

    /// <summary>JSON may escape half a surrogate pair ("\ud800"): it parses, but reading it as text throws.</summary>
    private static string Text(Func<string> read, string subject)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            throw new UserError($"{subject} is not valid Unicode text (half a surrogate pair, such as \\ud800 alone).");
        }
    }

    public static StackConfig FromStackFile(string directory, string stack)
    {
        var fileName = $"Pulumi.{stack}.yaml";
        var path = Path.Combine(directory, fileName);
        if (!File.Exists(path))
        {
            var known = KnownStacks(directory);
            throw new UserError($"Unknown stack '{stack}': there is no {fileName}. Known stacks: {(known.Count > 0 ? string.Join(", ", known) : "none")}. Pass --stack with one of them, or create {fileName}.");
        }
        var yaml = File.ReadAllText(path);
        var stream = new YamlStream();
        try
        {
            StackFileShape.Check(yaml, fileName);
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new UserError($"{fileName} is not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}");
        }
        var values = new SortedList<string, string?>(StringComparer.Ordinal);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new StackConfig(fileName, values);
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new UserError($"{fileName} is not a stack file: it holds {Describe(stream.Documents[0].RootNode)} where a YAML mapping with a 'config:' section belongs (config:, then one indented \"project:key\": value line per setting; see the README's stack settings).");
        }
        if (!root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode))
        {
            return new StackConfig(fileName, values);
        }
        if (configNode is not YamlMappingNode config)
        {
            throw new UserError($"{fileName}: 'config' must be a mapping of \"project:key\": value.");
        }
        foreach (var (keyNode, valueNode) in config.Children)
        {
            if (keyNode is not YamlScalarNode scalarKey)
            {
                throw new UserError($"{fileName} line {keyNode.Start.Line}: a config key must be text such as {SettingKeys.Project}:numTraces, not a {keyNode.NodeType.ToString().ToLowerInvariant()}.");
            }
            var key = scalarKey.Value ?? "";
            // YAML refuses a repeated key, but not one spelled differently ('!!str key' and 'key'): refuse that too.
            if (!values.TryAdd(key, IsSecure(valueNode) ? null : ToText(valueNode)))
            {
                throw new UserError($"{fileName}: {UserError.Show(key)} is set twice (again at line {keyNode.Start.Line}); keep one.");
            }
        }
        return new StackConfig(fileName, values);
    }

    /// <summary>
    /// The engine's config must agree with the stack file of the stack it claims to be. It does not
    /// when the user's shell exports PULUMI_STACK for another stack: the shell's value wins over the
    /// engine's, and the program would name one stack's resources with another's config.
    /// Values are compared, never printed.
    /// </summary>
    public static void EnsureEngineConfigMatchesStackFile(StackConfig engineConfig, string directory, string stack)
    {
        if (!File.Exists(Path.Combine(directory, $"Pulumi.{stack}.yaml")))
        {
            return;
        }
        var file = FromStackFile(directory, stack);
        foreach (var (key, text) in file.Values)
        {
            if (text is null || (engineConfig.Values.TryGetValue(key, out var engineText) && SameValue(text, engineText)))
            {
                continue;
            }
            throw new UserError($"PULUMI_STACK is '{stack}', but the engine's config (PULUMI_CONFIG) differs from Pulumi.{stack}.yaml at {key}: the engine is running another stack, and a PULUMI_STACK exported in your shell overrides the engine's. Run 'unset PULUMI_STACK' and choose the stack with 'pulumi up --stack NAME'.");
        }
    }

    /// <summary>Equal as text, as numbers, or as JSON structures (the engine may format lists differently).</summary>
    private static bool SameValue(string fileText, string? engineText)
    {
        if (engineText is null || fileText == engineText)
        {
            return engineText is not null;
        }
        if (double.TryParse(fileText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var a)
            && double.TryParse(engineText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var b))
        {
            return a == b;
        }
        try
        {
            using var fileJson = JsonDocument.Parse(fileText);
            using var engineJson = JsonDocument.Parse(engineText);
            return JsonElement.DeepEquals(fileJson.RootElement, engineJson.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static IReadOnlyList<string> KnownStacks(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "Pulumi.*.yaml")
                .Select(file => Path.GetFileName(file)["Pulumi.".Length..^".yaml".Length])
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode => "plain text",
        YamlSequenceNode => "a list",
        _ => "a " + node.NodeType.ToString().ToLowerInvariant(),
    };

    private static bool IsSecure(YamlNode node) =>
        node is YamlMappingNode mapping && mapping.Children.Count == 1 && mapping.Children.ContainsKey(new YamlScalarNode("secure"));

    /// <summary>Scalars as their text; sequences and mappings as JSON text, the same form PULUMI_CONFIG uses.</summary>
    private static string ToText(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        _ => JsonText.From(YamlTree.Convert(node)),
    };
}
