using Infra.Model;
using Infra.Stacks.Packaging;

namespace Infra.Tests.Evaluation;

/// <summary>
/// Expands a program's component instances with their templates the way pulumi-yaml runs them
/// (run.go RunComponentTemplate and registerResource): each input reference replaced by the instance's
/// value, each child named <c>&lt;instance&gt;-&lt;child&gt;</c> and parented to the instance, and each
/// <c>${instance.output}</c> replaced by the template's output expression. The result is a flat program
/// for <see cref="ProgramEvaluator"/>. Instances' inputs are checked against the declared inputs.
/// </summary>
public sealed class ComponentExpander(IReadOnlyDictionary<string, string> packageFiles)
{
    /// <summary>How a child is named: pulumi-yaml's prefix by default; the template's own name to compare with the flat program.</summary>
    public Func<string, string, string> ChildName { get; init; } = (instance, child) => $"{instance}-{child}";

    /// <summary>Wraps a <c>secret: true</c> input's value in fn::secret, as the input's schema makes the engine do.</summary>
    public bool MarkSecretInputs { get; init; } = true;

    private Dictionary<string, Dictionary<string, object?>> Templates { get; } = packageFiles
        .Select(file => YamlTree.ParseMap(file.Value).GetValueOrDefault("components") as Dictionary<string, object?>)
        .SelectMany(map => map is null ? [] : map.ToList())
        .ToDictionary(e => e.Key, e => (Dictionary<string, object?>)e.Value!, StringComparer.Ordinal);

    /// <summary>The expanded program and, for each child, the instance that parents it.</summary>
    public (Dictionary<string, object?> Program, Dictionary<string, string> Parents, Dictionary<string, List<string>> InstanceDependsOn) Expand(string programYaml)
    {
        var program = YamlTree.ParseMap(programYaml);
        var instances = ((Dictionary<string, object?>)program["resources"]!).ToDictionary(e => e.Key, e => (Dictionary<string, object?>)e.Value!, StringComparer.Ordinal);
        var templateOf = instances.ToDictionary(e => e.Key, e => TemplateOf(e.Key, e.Value), StringComparer.Ordinal);

        // ${instance.output} -> the template's output, its child renamed.
        string OutputOf(string reference)
        {
            var dot = reference.IndexOf('.');
            var instance = dot < 0 ? reference : reference[..dot];
            if (!templateOf.TryGetValue(instance, out var template))
            {
                return reference;
            }
            var outputs = template.GetValueOrDefault("outputs") as Dictionary<string, object?> ?? [];
            var expression = outputs.GetValueOrDefault(reference[(dot + 1)..]) as string
                ?? throw new EvaluationException($"'${{{reference}}}': {instance} declares no output '{reference[(dot + 1)..]}'.");
            var inner = TemplateText.Split(expression).Single().Reference!;
            var root = inner.Split('.', '[')[0];
            return ChildName(instance, root) + inner[root.Length..];
        }

        var resources = new Dictionary<string, object?>(StringComparer.Ordinal);
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        var instanceDependsOn = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (instance, declaration) in instances)
        {
            var template = templateOf[instance];
            var declared = template.GetValueOrDefault("inputs") as Dictionary<string, object?> ?? [];
            var given = declaration.GetValueOrDefault("properties") as Dictionary<string, object?> ?? [];
            CheckInputs(instance, declared, given);
            var values = given.ToDictionary(e => e.Key, e => Rewrite(e.Value, OutputOf), StringComparer.Ordinal);
            var children = (Dictionary<string, object?>)template["resources"]!;
            instanceDependsOn[instance] = (declaration.GetValueOrDefault("options") as Dictionary<string, object?>)?.GetValueOrDefault("dependsOn") is List<object?> waits
                ? [.. waits.Cast<string>().Select(w => TemplateText.Split(w).Single().Reference!)]
                : [];
            foreach (var (child, body) in children)
            {
                var name = ChildName(instance, child);
                resources[name] = Substitute(body, instance, children.Keys.ToHashSet(), declared, values);
                parents[name] = instance;
            }
        }
        var outputs = program.GetValueOrDefault("outputs") is Dictionary<string, object?> o
            ? o.ToDictionary(e => e.Key, e => Rewrite(e.Value, OutputOf), StringComparer.Ordinal)
            : null;
        var expanded = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = program["name"], ["resources"] = resources };
        if (program.GetValueOrDefault("config") is { } config)
        {
            expanded["config"] = config;
        }
        if (outputs is not null)
        {
            expanded["outputs"] = outputs;
        }
        return (expanded, parents, instanceDependsOn);
    }

    /// <summary>The expanded program with each instance's dependsOn carried to its children, ready to evaluate.</summary>
    public string ExpandForEvaluation(string programYaml)
    {
        var (program, parents, waits) = Expand(programYaml);
        foreach (var (name, declaration) in (Dictionary<string, object?>)program["resources"]!)
        {
            var extra = waits[parents[name]].SelectMany(instance => parents.Where(p => p.Value == instance).Select(p => (object?)$"${{{p.Key}}}")).ToList();
            if (extra.Count > 0)
            {
                var map = (Dictionary<string, object?>)declaration!;
                var options = map.GetValueOrDefault("options") as Dictionary<string, object?> ?? [];
                options["dependsOn"] = (options.GetValueOrDefault("dependsOn") as List<object?> ?? []).Concat(extra).ToList();
                map["options"] = options;
            }
        }
        return YamlText.Write(program);
    }

    private Dictionary<string, object?> TemplateOf(string instance, Dictionary<string, object?> declaration)
    {
        var type = declaration["type"] as string ?? "";
        var prefix = $"{ComponentPackage.Name}:index:";
        if (!type.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new EvaluationException($"'{instance}' ({type}) is not a component instance; the program keeps no resource outside a component.");
        }
        return Templates.GetValueOrDefault(type[prefix.Length..]) ?? throw new EvaluationException($"'{instance}': the package has no template {type}.");
    }

    /// <summary>Every declared input given, nothing undeclared, each of its declared type (ast/template.go parseTypeSpec).</summary>
    private static void CheckInputs(string instance, Dictionary<string, object?> declared, Dictionary<string, object?> given)
    {
        foreach (var name in given.Keys.Except(declared.Keys))
        {
            throw new EvaluationException($"'{instance}' passes '{name}', which its template does not declare.");
        }
        foreach (var (name, declaration) in declared)
        {
            var spec = (Dictionary<string, object?>)declaration!;
            if (!given.TryGetValue(name, out var value))
            {
                throw new EvaluationException($"'{instance}' does not pass the required input '{name}'.");
            }
            if (!OfType(value, (string)spec["type"]!, spec.GetValueOrDefault("items") as Dictionary<string, object?>))
            {
                throw new EvaluationException($"'{instance}'.{name} is not a {spec["type"]}: {value}");
            }
        }
    }

    private static bool OfType(object? value, string type, Dictionary<string, object?>? items) => (type, value) switch
    {
        // A function's result is known at deploy time; a string's may be an interpolation.
        (_, Dictionary<string, object?> map) when map.Count == 1 && map.Keys.Single().StartsWith("fn::", StringComparison.Ordinal) => true,
        (_, string text) when TemplateText.Split(text) is [{ Reference: not null }] => true,
        ("string", string) => true,
        ("integer", long) => true,
        ("boolean", bool) => true,
        ("array", List<object?> list) => items is not null && list.All(item => OfType(item, (string)items["type"]!, items.GetValueOrDefault("items") as Dictionary<string, object?>)),
        _ => false,
    };

    private object? Substitute(object? node, string instance, HashSet<string> siblings, Dictionary<string, object?> declared, Dictionary<string, object?> values)
    {
        switch (node)
        {
            case string text:
                var segments = TemplateText.Split(text);
                if (segments is [{ Reference: { } only }] && declared.ContainsKey(only))
                {
                    return InputValue(only, declared, values);
                }
                return TemplateText.Join(segments.Select(segment => segment.Reference is null ? segment
                    : declared.ContainsKey(segment.Reference) ? new TextSegment(values[segment.Reference] as string
                        ?? throw new EvaluationException($"'{instance}': input '{segment.Reference}' is interpolated into a string but is not one."), null)
                    : siblings.Contains(segment.Root!) ? segment with { Reference = ChildName(instance, segment.Root!) + segment.Reference[segment.Root!.Length..] }
                    : throw new EvaluationException($"'{instance}': the template refers to '{segment.Reference}', neither an input nor a sibling.")));
            case Dictionary<string, object?> map:
                return map.ToDictionary(e => e.Key, e => Substitute(e.Value, instance, siblings, declared, values), StringComparer.Ordinal);
            case List<object?> list:
                return list.Select(item => Substitute(item, instance, siblings, declared, values)).ToList();
            default:
                return node;
        }
    }

    private object? InputValue(string name, Dictionary<string, object?> declared, Dictionary<string, object?> values)
    {
        var value = values[name];
        var secret = ((Dictionary<string, object?>)declared[name]!).GetValueOrDefault("secret") is true;
        return secret && MarkSecretInputs ? new Dictionary<string, object?> { ["fn::secret"] = value } : value;
    }

    private static object? Rewrite(object? node, Func<string, string> reference) => node switch
    {
        string text => TemplateText.Join(TemplateText.Split(text).Select(s => s.Reference is null ? s : s with { Reference = reference(s.Reference) })),
        Dictionary<string, object?> map => map.ToDictionary(e => e.Key, e => Rewrite(e.Value, reference), StringComparer.Ordinal),
        List<object?> list => list.Select(item => Rewrite(item, reference)).ToList(),
        _ => node,
    };
}
