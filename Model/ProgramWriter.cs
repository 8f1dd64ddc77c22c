using YamlDotNet.Core;

namespace Infra.Model;

/// <summary>Renders a <see cref="PulumiProgram"/> as Pulumi YAML, byte for byte the same for the same program.</summary>
public static class ProgramWriter
{
    public static string ToYaml(PulumiProgram program) => Serialize(ToTree(program));

    /// <summary>The program as a plain tree, in a fixed order: config, resources, outputs.</summary>
    public static OrderedDictionary<string, object> ToTree(PulumiProgram program)
    {
        var root = Node.Map(("name", program.Name), ("description", program.Description));
        if (program.Config.Count > 0)
        {
            root.Add("config", Node.Map(program.Config
                .Select(entry => (entry.Key, (object?)Node.Map(("type", entry.Value.Type), ("secret", entry.Value.Secret ? true : null))))
                .ToArray()));
        }
        root.Add("resources", Node.Map(program.Resources.Select(entry => (entry.Resource.Name, (object?)RenderResource(entry.Resource))).ToArray()));
        if (program.Outputs.Count > 0)
        {
            root.Add("outputs", Node.Map(program.Outputs.Select(entry => (entry.Key, (object?)Node.From(entry.Value))).ToArray()));
        }
        return root;
    }

    private static OrderedDictionary<string, object> RenderResource(Resource resource)
    {
        var properties = Node.From(resource.Args);
        var secretOutputs = resource.AllSecretOutputs;
        var options = Node.Map(
            ("dependsOn", resource.Options.DependsOn.Count > 0 ? resource.Options.DependsOn.Select(d => $"${{{d.Name}}}").ToList() : null),
            ("additionalSecretOutputs", secretOutputs.Count > 0 ? secretOutputs.ToList() : null),
            ("ignoreChanges", resource.Options.IgnoreChanges.Count > 0 ? resource.Options.IgnoreChanges.ToList() : null),
            ("protect", resource.Options.Protect ? true : null),
            ("retainOnDelete", resource.Options.RetainOnDelete ? true : null),
            ("version", ProviderVersions.VersionOf(resource.Package)));
        return Node.Map(
            ("type", resource.Type),
            ("properties", properties is IDictionary<string, object> { Count: 0 } ? null : properties),
            ("options", options.Count > 0 ? options : null));
    }

    /// <summary>YAML text of a plain tree, as <see cref="YamlText"/> writes it with this program's scalar styles.</summary>
    public static string Serialize(object tree) => YamlText.Write(tree, StyleFor);

    /// <summary>
    /// Multi-line strings (embedded YAML documents) become literal blocks, readable in review; strings
    /// that look like dates (IAM's Version) are quoted so no YAML reader takes them for a timestamp.
    /// </summary>
    internal static ScalarStyle? StyleFor(string text)
    {
        if (text.Contains('\n') && !text.Contains('\t') && !text.Contains(" \n"))
        {
            return ScalarStyle.Literal;
        }
        if (text.Length >= 10 && char.IsAsciiDigit(text[0]) && text[4] == '-' && text[7] == '-')
        {
            return ScalarStyle.DoubleQuoted;
        }
        return null;
    }
}
