namespace Infra.Model;

/// <summary>One resource of the program: a type token, a logical name, typed args and options.</summary>
public abstract class Resource
{
    protected Resource(string name, object args, ResourceOptions? options)
    {
        if (!ResourceNames.IsValid(name))
        {
            throw new ArgumentException($"Resource name '{name}' must start with a letter and hold only letters, digits and '-'.", nameof(name));
        }
        Name = name;
        Args = args;
        Options = options ?? new ResourceOptions();
    }

    public string Name { get; }

    /// <summary>The provider type token, e.g. <c>aws:ssm:Parameter</c>.</summary>
    public abstract string Type { get; }

    public object Args { get; }

    public ResourceOptions Options { get; }

    /// <summary>Outputs the provider returns as secrets only when told; set by resource classes that hold one.</summary>
    public virtual IReadOnlyList<string> SecretOutputs => [];

    /// <summary>What the program marks secret: the type's own secret outputs plus any the options add.</summary>
    public IReadOnlyList<string> AllSecretOutputs => [.. SecretOutputs.Concat(Options.AdditionalSecretOutputs).Distinct()];

    /// <summary>The provider package of the type token (<c>aws</c>, <c>azure-native</c>, <c>random</c>).</summary>
    public string Package => Type.StartsWith("pulumi:providers:", StringComparison.Ordinal) ? Type.Split(':')[2] : Type.Split(':')[0];

    protected Output<T> OutputOf<T>(string property) => new(new OutputReference(Name, property));
}

public static class ResourceNames
{
    public static bool IsValid(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}

/// <summary>Pulumi resource options the program uses. The provider version is set by the program, from one place.</summary>
public sealed record ResourceOptions
{
    public IReadOnlyList<Resource> DependsOn { get; init; } = [];

    public bool Protect { get; init; }

    /// <summary>A delete (or a destroy of the stack) leaves the cloud resource in place.</summary>
    public bool RetainOnDelete { get; init; }

    public IReadOnlyList<string> IgnoreChanges { get; init; } = [];

    public IReadOnlyList<string> AdditionalSecretOutputs { get; init; } = [];
}
