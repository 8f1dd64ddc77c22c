using System.Text;
using Infra.Model;

namespace Infra.Plan;

/// <summary>Renders a program for a person: resources grouped by component, key inputs, secrets masked.</summary>
public static class ResourceListing
{
    public const string Masked = "[secret]";

    public const string NotInPackage = "no template in the package";

    /// <param name="componentTypes">Instance name to its type token in the component package; null when the package lacks it.</param>
    public static string Render(PulumiProgram program, string stackLabel, IReadOnlyDictionary<string, string?> componentTypes)
    {
        var secretTokens = program.Resources
            .SelectMany(entry => entry.Resource.AllSecretOutputs.Select(property => $"${{{entry.Resource.Name}.{property}}}"))
            .ToHashSet(StringComparer.Ordinal);
        var text = new StringBuilder();
        text.AppendLine($"Plan for stack '{stackLabel}' ({program.Name})");
        foreach (var group in program.Resources.GroupBy(entry => entry.Component))
        {
            text.AppendLine();
            // As pulumi preview nests it: the component, then its children (in state as <component>-<child>).
            text.AppendLine($"{group.Key} ({componentTypes.GetValueOrDefault(group.Key) ?? NotInPackage}), {group.Count()} {(group.Count() == 1 ? "resource" : "resources")}:");
            foreach (var (_, resource) in group)
            {
                text.AppendLine($"  + {resource.Name} ({resource.Type})");
                if (Node.From(resource.Args) is IDictionary<string, object> properties)
                {
                    foreach (var (key, value) in properties)
                    {
                        AppendValue(text, "      ", key, value, secretTokens);
                    }
                }
            }
        }
        if (program.Outputs.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("outputs:");
            foreach (var (key, value) in program.Outputs)
            {
                AppendValue(text, "  ", key, Node.From(value), secretTokens);
            }
        }
        text.AppendLine();
        text.AppendLine($"{program.Resources.Count} resources to create.");
        return text.ToString();
    }

    private static void AppendValue(StringBuilder text, string indent, string key, object value, HashSet<string> secretTokens)
    {
        if (IsSecret(value, secretTokens))
        {
            text.AppendLine($"{indent}{key}: {Masked}");
            return;
        }
        switch (value)
        {
            case string multiLine when multiLine.Contains('\n'):
                text.AppendLine($"{indent}{key}: |");
                foreach (var line in multiLine.TrimEnd('\n').Split('\n'))
                {
                    text.AppendLine($"{indent}  {line}");
                }
                break;
            case IDictionary<string, object> map:
                text.AppendLine($"{indent}{key}:");
                foreach (var (childKey, childValue) in map)
                {
                    AppendValue(text, indent + "  ", childKey, childValue, secretTokens);
                }
                break;
            case IList<object> list:
                text.AppendLine($"{indent}{key}:");
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is IDictionary<string, object> or IList<object> || IsSecret(list[i], secretTokens))
                    {
                        AppendValue(text, indent + "  ", $"[{i}]", list[i], secretTokens);
                    }
                    else
                    {
                        text.AppendLine($"{indent}  - {Scalar(list[i])}");
                    }
                }
                break;
            default:
                text.AppendLine($"{indent}{key}: {Scalar(value)}");
                break;
        }
    }

    private static string Scalar(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>A value is secret when wrapped in fn::secret or when it mentions a secret output anywhere.</summary>
    private static bool IsSecret(object value, HashSet<string> secretTokens) => value switch
    {
        string text => secretTokens.Any(token => text.Contains(token, StringComparison.Ordinal)),
        IDictionary<string, object> map => map.ContainsKey("fn::secret") || map.Values.Any(v => IsSecret(v, secretTokens)),
        IList<object> list => list.Any(item => IsSecret(item, secretTokens)),
        _ => false,
    };
}
