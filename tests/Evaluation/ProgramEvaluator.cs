using Infra.Model;
using System.Text.Json;

namespace Infra.Tests.Evaluation;

/// <summary>
/// Evaluates a synthesized Pulumi YAML program the way the engine would, against a mocked
/// <see cref="IResourceMonitor"/>: orders resources by their references, resolves every
/// interpolation and function, registers each resource, and tracks which values are secret.
/// Fails on a dangling reference, a dependency cycle, and a secret flowing into a non-secret input.
/// </summary>
public sealed class ProgramEvaluator(IResourceMonitor monitor)
{
    /// <summary>
    /// Inputs allowed to receive a secret, nothing else by default: an SSM SecureString's value and a Key
    /// Vault secret's value, both stored encrypted and shown masked. (An ECS secret names its parameter by
    /// ARN, which is no secret, so a task definition never needs to be a sink.)
    /// </summary>
    public static bool DefaultSecretSink(string type, IReadOnlyDictionary<string, object?> inputs, string propertyPath) => type switch
    {
        "aws:ssm:Parameter" or "aws:ssm/parameter:Parameter" =>
            propertyPath == "value" && inputs.TryGetValue("type", out var parameterType) && Equals(Unwrap(parameterType), "SecureString"),
        "azure-native:keyvault:Secret" or "azure-native:keyvault/secret:Secret" => propertyPath == "properties.value",
        _ => false,
    };

    public Func<string, IReadOnlyDictionary<string, object?>, string, bool> SecretSink { get; init; } = DefaultSecretSink;

    /// <summary>Values for keys of the program's own <c>config:</c> section.</summary>
    public IReadOnlyDictionary<string, string> ConfigValues { get; init; } = new Dictionary<string, string>();

    public EvaluatedProgram Evaluate(string programYaml)
    {
        var root = YamlTree.ParseMap(programYaml);
        var config = root.TryGetValue("config", out var c) && c is Dictionary<string, object?> cm ? cm : [];
        var resources = root.TryGetValue("resources", out var r) && r is Dictionary<string, object?> rm
            ? rm.ToDictionary(e => e.Key, e => (Dictionary<string, object?>)e.Value!, StringComparer.Ordinal)
            : throw new EvaluationException("The program has no resources section.");

        var order = TopologicalOrder(resources, config);
        var registered = new Dictionary<string, RegisteredResource>(StringComparer.Ordinal);
        var context = new Context(registered, config, ConfigValues);
        foreach (var name in order)
        {
            var declaration = resources[name];
            var type = declaration["type"] as string ?? throw new EvaluationException($"Resource '{name}' has no type.");
            var properties = declaration.TryGetValue("properties", out var p) && p is Dictionary<string, object?> pm ? pm : [];
            var inputs = properties.ToDictionary(e => e.Key, e => Resolve(e.Value, context, $"{name}.{e.Key}"), StringComparer.Ordinal);
            CheckSecretFlow(type, name, inputs);

            var outputs = monitor.RegisterResource(new ResourceRegistration(type, name, inputs))
                ?? throw new EvaluationException($"The monitor returned nothing for '{name}' ({type}).");
            var state = new Dictionary<string, object?>(inputs, StringComparer.Ordinal);
            foreach (var (key, value) in outputs)
            {
                state[key] = value;
            }
            foreach (var secretOutput in SecretOutputs(declaration))
            {
                if (state.TryGetValue(secretOutput, out var value) && value is not Secret)
                {
                    state[secretOutput] = new Secret(value);
                }
            }
            registered[name] = new RegisteredResource(type, name, inputs, state);
        }

        var outputsSection = root.TryGetValue("outputs", out var o) && o is Dictionary<string, object?> om ? om : [];
        var resolvedOutputs = outputsSection.ToDictionary(e => e.Key, e => Resolve(e.Value, context, $"outputs.{e.Key}"), StringComparer.Ordinal);
        foreach (var (name, value) in resolvedOutputs)
        {
            // The engine would keep such an output secret anyway; the program must say so, so a reader of it does too.
            if (ContainsSecret(value) && !IsMarkedSecret(outputsSection[name]))
            {
                throw new EvaluationException($"A secret flows into stack output '{name}', which is not marked secret (wrap it in fn::secret).");
            }
        }
        return new EvaluatedProgram(registered, resolvedOutputs, order);
    }

    private void CheckSecretFlow(string type, string name, Dictionary<string, object?> inputs)
    {
        foreach (var (path, _) in SecretPaths(inputs, ""))
        {
            if (!SecretSink(type, inputs, path))
            {
                throw new EvaluationException($"A secret flows into '{name}.{path}' ({type}), which is not an input that keeps secrets.");
            }
        }
    }

    private static IEnumerable<(string Path, Secret Value)> SecretPaths(object? value, string path) => value switch
    {
        Secret secret => [(path, secret)],
        Dictionary<string, object?> map => map.SelectMany(e => SecretPaths(e.Value, path.Length == 0 ? e.Key : $"{path}.{e.Key}")),
        List<object?> list => list.SelectMany((item, i) => SecretPaths(item, $"{path}[{i}]")),
        _ => [],
    };

    private static IEnumerable<string> SecretOutputs(Dictionary<string, object?> declaration) =>
        declaration.TryGetValue("options", out var o) && o is Dictionary<string, object?> options
        && options.TryGetValue("additionalSecretOutputs", out var s) && s is List<object?> list
            ? list.OfType<string>()
            : [];

    private static List<string> TopologicalOrder(Dictionary<string, Dictionary<string, object?>> resources, Dictionary<string, object?> config)
    {
        var dependencies = resources.ToDictionary(
            e => e.Key,
            e => References(e.Value).Select(reference =>
            {
                var target = reference.Split('.', '[')[0];
                if (!resources.ContainsKey(target) && !config.ContainsKey(target))
                {
                    throw new EvaluationException($"Resource '{e.Key}' references '${{{reference}}}', but nothing named '{target}' is declared.");
                }
                return target;
            }).Where(resources.ContainsKey).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);

        var order = new List<string>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: visiting, true: done
        void Visit(string name, Stack<string> path)
        {
            if (state.TryGetValue(name, out var done))
            {
                if (!done)
                {
                    throw new EvaluationException($"Dependency cycle: {string.Join(" -> ", path.Reverse().SkipWhile(n => n != name))} -> {name}");
                }
                return;
            }
            state[name] = false;
            path.Push(name);
            foreach (var dependency in dependencies[name].Order(StringComparer.Ordinal))
            {
                Visit(dependency, path);
            }
            path.Pop();
            state[name] = true;
            order.Add(name);
        }
        foreach (var name in resources.Keys)
        {
            Visit(name, new Stack<string>());
        }
        return order;
    }

    /// <summary>Every <c>${...}</c> reference anywhere in a resource declaration (properties and options).</summary>
    public static IEnumerable<string> References(object? node) => node switch
    {
        string text => InterpolationParser.Parse(text).Where(part => part.Reference is not null).Select(part => part.Reference!),
        Dictionary<string, object?> map => map.Values.SelectMany(References),
        List<object?> list => list.SelectMany(References),
        _ => [],
    };

    private object? Resolve(object? node, Context context, string where)
    {
        switch (node)
        {
            case string text:
                return ResolveString(text, context, where);
            case List<object?> list:
                var items = list.Select((item, i) => Resolve(item, context, $"{where}[{i}]")).ToList();
                return items;
            case Dictionary<string, object?> map when map.Count == 1 && map.ContainsKey("fn::secret"):
                return new Secret(Unwrap(Resolve(map["fn::secret"], context, where)));
            case Dictionary<string, object?> map when map.Count == 1 && map.ContainsKey("fn::toJSON"):
                var inner = Resolve(map["fn::toJSON"], context, where);
                var json = JsonSerializer.Serialize(DeepUnwrap(inner));
                return ContainsSecret(inner) ? new Secret(json) : json;
            case Dictionary<string, object?> map when map.Count == 1 && map.ContainsKey("fn::join"):
                return Join(map["fn::join"], context, where);
            case Dictionary<string, object?> map when map.Count == 1 && map.ContainsKey("fn::invoke"):
                return Invoke((Dictionary<string, object?>)map["fn::invoke"]!, context, where);
            case Dictionary<string, object?> map when map.Keys.Any(k => k.StartsWith("fn::", StringComparison.Ordinal)):
                throw new EvaluationException($"{where}: unsupported function {map.Keys.First()}.");
            case Dictionary<string, object?> map:
                return map.ToDictionary(e => e.Key, e => Resolve(e.Value, context, $"{where}.{e.Key}"), StringComparer.Ordinal);
            default:
                return node;
        }
    }

    private object? ResolveString(string text, Context context, string where)
    {
        var parts = InterpolationParser.Parse(text);
        if (parts is [{ Reference: { } only }])
        {
            return Lookup(only, context, where);
        }
        var secret = false;
        var result = new System.Text.StringBuilder();
        foreach (var part in parts)
        {
            if (part.Reference is null)
            {
                result.Append(part.Text);
                continue;
            }
            var value = Lookup(part.Reference, context, where);
            secret |= value is Secret;
            result.Append(Convert.ToString(Unwrap(value), System.Globalization.CultureInfo.InvariantCulture));
        }
        return secret ? new Secret(result.ToString()) : result.ToString();
    }

    /// <summary><c>fn::join: [delimiter, [values]]</c>; secret when any value is.</summary>
    private object? Join(object? argument, Context context, string where)
    {
        if (argument is not List<object?> { Count: 2 } pair || pair[0] is not string delimiter || pair[1] is not List<object?> items)
        {
            throw new EvaluationException($"{where}: fn::join takes [delimiter, [values]].");
        }
        var values = items.Select((item, i) => Resolve(item, context, $"{where}[{i}]")).ToList();
        var joined = string.Join(delimiter, values.Select(value => Convert.ToString(Unwrap(value), System.Globalization.CultureInfo.InvariantCulture)));
        return values.Any(ContainsSecret) ? new Secret(joined) : joined;
    }

    private static bool IsMarkedSecret(object? declaration) =>
        declaration is Dictionary<string, object?> map && map.Count == 1 && map.ContainsKey("fn::secret");

    private object? Invoke(Dictionary<string, object?> call, Context context, string where)
    {
        var function = call.GetValueOrDefault("function") as string ?? throw new EvaluationException($"{where}: fn::invoke without a function.");
        var arguments = Resolve(call.GetValueOrDefault("arguments") ?? new Dictionary<string, object?>(), context, where) as Dictionary<string, object?> ?? [];
        var result = monitor.Invoke(function, arguments) ?? throw new EvaluationException($"{where}: {function} returned nothing.");
        if (call.GetValueOrDefault("return") is not string property)
        {
            return result.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        }
        return result.TryGetValue(property, out var value)
            ? value
            : throw new EvaluationException($"{where}: {function} has no result property '{property}'.");
    }

    private static object? Lookup(string reference, Context context, string where)
    {
        var segments = PathSegments(reference);
        var head = segments[0];
        object? current;
        var secret = false;
        if (context.Registered.TryGetValue(head, out var resource))
        {
            if (segments.Count == 1)
            {
                throw new EvaluationException($"{where}: '${{{reference}}}' names a whole resource; only dependsOn may do that.");
            }
            current = resource.State;
        }
        else if (context.Config.TryGetValue(head, out var declaration))
        {
            if (!context.ConfigValues.TryGetValue(head, out var configValue))
            {
                throw new EvaluationException($"{where}: config key '{head}' has no value in this evaluation.");
            }
            secret = declaration is Dictionary<string, object?> d && d.TryGetValue("secret", out var s) && Equals(s, true);
            current = configValue;
        }
        else
        {
            throw new EvaluationException($"{where}: '${{{reference}}}' refers to '{head}', which is not declared (or not yet registered).");
        }
        foreach (var segment in segments.Skip(1))
        {
            secret |= current is Secret;
            current = Unwrap(current) switch
            {
                IReadOnlyDictionary<string, object?> map when map.TryGetValue(segment, out var next) => next,
                Dictionary<string, object?> map when map.TryGetValue(segment, out var next) => next,
                List<object?> list when int.TryParse(segment, out var index) && index < list.Count => list[index],
                _ => throw new EvaluationException($"{where}: '${{{reference}}}' dangles: '{head}' has no output '{segment}'."),
            };
        }
        return secret && current is not Secret ? new Secret(current) : current;
    }

    private static List<string> PathSegments(string reference) =>
        reference.Replace("]", "").Split('.', '[').Select(s => s.Trim('"')).ToList();

    public static object? Unwrap(object? value) => value is Secret secret ? secret.Value : value;

    private static object? DeepUnwrap(object? value) => Unwrap(value) switch
    {
        Dictionary<string, object?> map => map.ToDictionary(e => e.Key, e => DeepUnwrap(e.Value)),
        List<object?> list => list.Select(DeepUnwrap).ToList(),
        var plain => plain,
    };

    private static bool ContainsSecret(object? value) => value switch
    {
        Secret => true,
        Dictionary<string, object?> map => map.Values.Any(ContainsSecret),
        List<object?> list => list.Any(ContainsSecret),
        _ => false,
    };

    private sealed record Context(
        Dictionary<string, RegisteredResource> Registered,
        Dictionary<string, object?> Config,
        IReadOnlyDictionary<string, string> ConfigValues);
}

/// <summary>The evaluated program: every registered resource and the resolved stack outputs.</summary>
public sealed record EvaluatedProgram(
    IReadOnlyDictionary<string, RegisteredResource> Resources,
    IReadOnlyDictionary<string, object?> Outputs,
    IReadOnlyList<string> RegistrationOrder)
{
    public RegisteredResource Single(string type) => Resources.Values.Single(r => r.Type == type);

    public IEnumerable<RegisteredResource> OfType(string type) => Resources.Values.Where(r => r.Type == type);
}
