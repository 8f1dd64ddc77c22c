using System.Text.Json;
using YamlDotNet.Core;
using Infra.Model;
using YamlDotNet.RepresentationModel;

namespace Infra.Settings;

/// <summary>Reads stack config from <c>PULUMI_CONFIG</c> (what the YAML runtime hands its compiler) or a stack file.</summary>
public static class StackConfigLoader
{
    public static StackConfig FromPulumiConfigJson(string json)
    {
        Dictionary<string, JsonElement>? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json);
        }
        catch (JsonException e)
        {
            throw new UserError($"PULUMI_CONFIG is not a JSON object of \"project:key\": \"value\" strings ({e.Message}).");
        }
        var values = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, element) in parsed ?? [])
        {
            values[key] = element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
        }
        return new StackConfig("PULUMI_CONFIG", values);
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
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new UserError($"{fileName} is not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}");
        }
        var values = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return new StackConfig(fileName, values);
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
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            values[key] = IsSecure(valueNode) ? null : ToText(valueNode);
        }
        return new StackConfig(fileName, values);
    }

    public static IReadOnlyList<string> KnownStacks(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "Pulumi.*.yaml")
                .Select(file => Path.GetFileName(file)["Pulumi.".Length..^".yaml".Length])
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    private static bool IsSecure(YamlNode node) =>
        node is YamlMappingNode mapping && mapping.Children.Count == 1 && mapping.Children.ContainsKey(new YamlScalarNode("secure"));

    /// <summary>Scalars as their text; sequences and mappings as JSON text, the same form PULUMI_CONFIG uses.</summary>
    private static string ToText(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        _ => JsonSerializer.Serialize(YamlTree.Convert(node)),
    };
}
