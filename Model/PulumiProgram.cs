namespace Infra.Model;

/// <summary>A Pulumi YAML program under construction: config declarations, resources, outputs.</summary>
public sealed class PulumiProgram(string name, string description)
{
    private readonly List<(string Component, Resource Resource)> _resources = [];
    private readonly OrderedDictionary<string, object> _outputs = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, ConfigDeclaration> _config = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _repeated = new(StringComparer.Ordinal);
    private readonly List<string> _handlesForRepeated = [];

    public string Name { get; } = name;

    public string Description { get; } = description;

    public IReadOnlyList<(string Component, Resource Resource)> Resources => _resources;

    public IReadOnlyDictionary<string, object> Outputs => _outputs;

    public IReadOnlyDictionary<string, ConfigDeclaration> Config => _config;

    /// <summary>Resources added by <see cref="AddRepeated"/>: resource name to the component kind each is one of.</summary>
    public IReadOnlyDictionary<string, string> Repeated => _repeated;

    /// <summary>References (<c>res.prop</c>) that <see cref="ExposeForRepeated"/> declared.</summary>
    public IReadOnlyList<string> HandlesForRepeated => _handlesForRepeated;

    /// <summary>Adds a resource, grouped under the component that created it.</summary>
    public T Add<T>(string component, T resource) where T : Resource
    {
        if (_resources.Any(existing => existing.Resource.Name == resource.Name))
        {
            throw new InvalidOperationException($"Resource name '{resource.Name}' is declared twice.");
        }
        _resources.Add((component, resource));
        return resource;
    }

    /// <summary>
    /// Adds one of a list of like resources, one per item of a setting (a sender's CIDR, an alarm email, a Key Vault
    /// reader): its own component, named as the resource, of a kind (<paramref name="kind"/>, kebab case) that every
    /// item shares, so adding an item to the setting adds an instance and needs no new component template.
    /// </summary>
    public T AddRepeated<T>(string kind, T resource) where T : Resource
    {
        Add(resource.Name, resource);
        _repeated.Add(resource.Name, kind);
        return resource;
    }

    /// <summary>
    /// A handle that repeated resources take from the component that owns them (the vault's id for its readers, the
    /// topic's ARN for its subscriptions): the component exposes it even while the list is empty, so the first item
    /// adds an instance and leaves the owner's template as it was.
    /// </summary>
    public void ExposeForRepeated(IOutput handle)
    {
        var reference = handle.Expression.Render() as string;
        if (reference is null || !reference.StartsWith("${", StringComparison.Ordinal) || !reference.EndsWith('}') || reference.IndexOf("${", 2, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"'{reference}' is not one resource's output; only a resource's output can be a component's handle.");
        }
        _handlesForRepeated.Add(reference[2..^1]);
    }

    public void Export(string outputName, object value)
    {
        if (!_outputs.TryAdd(outputName, value))
        {
            throw new InvalidOperationException($"Stack output '{outputName}' is exported twice.");
        }
    }

    /// <summary>Declares a key of the program's <c>config:</c> section and returns a reference to it.</summary>
    public Output<T> DeclareConfig<T>(string key, ConfigDeclaration declaration)
    {
        if (!_config.TryAdd(key, declaration))
        {
            throw new InvalidOperationException($"Config key '{key}' is declared twice.");
        }
        return new Output<T>(new ConfigReference(key));
    }
}

/// <summary>An entry of the program's <c>config:</c> section; a secret one is never given a value here.</summary>
public sealed record ConfigDeclaration(string Type, bool Secret);
