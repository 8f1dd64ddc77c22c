namespace Infra.Stacks.Packaging;

/// <summary>
/// Turns the flat resources of one component instance into a template and the instance's input values:
/// every value that does not reach a sibling becomes an input named by its path, so the template holds
/// the instance's structure and no stack's values; references to siblings stay <c>${child.prop}</c>.
/// </summary>
internal sealed class TemplateLifter(IReadOnlySet<string> inside, Func<TextSegment, bool> isSecret, Func<string, string> rewriteOutside)
{
    public OrderedDictionary<string, TemplateInput> Inputs { get; } = new(StringComparer.Ordinal);

    public OrderedDictionary<string, object> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Resources outside this instance that a child waits for (<c>dependsOn</c>); the instance waits for them instead.</summary>
    public List<string> OutsideDependencies { get; } = [];

    /// <param name="inputPrefix">What each input's name starts with: the child's name, or nothing for a template's only child.</param>
    public OrderedDictionary<string, object> LiftResource(string inputPrefix, IDictionary<string, object> declaration)
    {
        var lifted = new OrderedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in declaration)
        {
            lifted.Add(key, key switch
            {
                "properties" => Lift(value, [inputPrefix]),
                "options" => LiftOptions((IDictionary<string, object>)value),
                _ => value,
            });
        }
        return lifted;
    }

    private OrderedDictionary<string, object> LiftOptions(IDictionary<string, object> options) => TemplateText.Copy(options, value => value);

    public void MoveOutsideDependencies(OrderedDictionary<string, object> resource)
    {
        if (resource.GetValueOrDefault("options") is not OrderedDictionary<string, object> options
            || options.GetValueOrDefault("dependsOn") is not IEnumerable<object> dependsOn)
        {
            return;
        }
        var kept = new List<object>();
        foreach (var dependency in dependsOn.Cast<string>())
        {
            var root = TemplateText.Split(dependency).Single().Root!;
            if (inside.Contains(root))
            {
                kept.Add(dependency);
            }
            else if (!OutsideDependencies.Contains(root))
            {
                OutsideDependencies.Add(root);
            }
        }
        if (kept.Count > 0)
        {
            options["dependsOn"] = kept;
        }
        else
        {
            options.Remove("dependsOn");
        }
    }

    private object Lift(object node, IReadOnlyList<string> path)
    {
        if (!ReachesInside(node) && TemplateInput.For(node, IsSecret(node)) is { } input)
        {
            return $"${{{AddInput(path, input, node)}}}";
        }
        return node switch
        {
            string text => LiftText(text, path),
            IDictionary<string, object> map => LiftMap(map, path),
            IList<object> list => list.Select((item, index) => Lift(item, [.. path, index.ToString(System.Globalization.CultureInfo.InvariantCulture)])).ToList(),
            // A number other than an integer cannot be an input (pulumi-yaml #764): it stays in the template.
            _ => node,
        };
    }

    private OrderedDictionary<string, object> LiftMap(IDictionary<string, object> map, IReadOnlyList<string> path)
    {
        var lifted = new OrderedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            // fn::invoke's function and return name the call, not a value: they stay as written.
            lifted.Add(key, key is "function" or "return" or "options" && path.LastOrDefault() == "fn::invoke" ? value : Lift(value, [.. path, key]));
        }
        return lifted;
    }

    /// <summary>A string that names a sibling: runs of literal text and outside references between the sibling references become inputs.</summary>
    private string LiftText(string text, IReadOnlyList<string> path)
    {
        var result = new List<TextSegment>();
        var run = new List<TextSegment>();
        var part = 0;
        void Flush()
        {
            if (run.Count > 0)
            {
                var raw = TemplateText.Join(run);
                result.Add(new TextSegment(null, AddInput([.. path, $"part{++part}"], new TemplateInput("string", null, IsSecret(raw)), raw)));
                run.Clear();
            }
        }
        foreach (var segment in TemplateText.Split(text))
        {
            if (segment.Root is { } root && inside.Contains(root))
            {
                Flush();
                result.Add(segment);
            }
            else
            {
                run.Add(segment);
            }
        }
        Flush();
        return TemplateText.Join(result);
    }

    private string AddInput(IReadOnlyList<string> path, TemplateInput input, object value)
    {
        var baseName = TemplateText.Camel(string.Join("-", path.Where(step => !step.StartsWith("fn::", StringComparison.Ordinal))));
        var name = baseName;
        // Inputs and resources share one namespace in a template (${name}).
        for (var n = 2; Inputs.ContainsKey(name) || inside.Contains(name) || name == ComponentLifting.RepeatedChild; n++)
        {
            name = $"{baseName}{n}";
        }
        Inputs.Add(name, input);
        Values.Add(name, TemplateText.RewriteReferences(value, rewriteOutside));
        return name;
    }

    private readonly Dictionary<object, (bool ReachesInside, bool Secret)> facts = new(ReferenceEqualityComparer.Instance);

    private bool ReachesInside(object node) => Facts(node).ReachesInside;

    private bool IsSecret(object node) => Facts(node).Secret;

    /// <summary>Whether a subtree names a sibling and whether it holds a secret, worked out once per node: lifting asks at every level.</summary>
    private (bool ReachesInside, bool Secret) Facts(object node)
    {
        if (facts.TryGetValue(node, out var known))
        {
            return known;
        }
        (bool ReachesInside, bool Secret) result = (false, false);
        switch (node)
        {
            case string text:
                foreach (var segment in TemplateText.Split(text))
                {
                    if (segment.Reference is not null)
                    {
                        result = (result.ReachesInside || inside.Contains(segment.Root!), result.Secret || isSecret(segment));
                    }
                }
                break;
            case IDictionary<string, object> map:
                result.Secret = map.ContainsKey("fn::secret");
                foreach (var value in map.Values)
                {
                    var child = Facts(value);
                    result = (result.ReachesInside || child.ReachesInside, result.Secret || child.Secret);
                }
                break;
            case IList<object> list:
                foreach (var item in list)
                {
                    var child = Facts(item);
                    result = (result.ReachesInside || child.ReachesInside, result.Secret || child.Secret);
                }
                break;
        }
        facts[node] = result;
        return result;
    }
}
