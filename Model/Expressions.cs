namespace Infra.Model;

/// <summary>A value in the synthesized program that is not a plain literal.</summary>
public interface IExpression
{
    /// <summary>The YAML-ready node: a string, list or ordered map.</summary>
    object Render();
}

/// <summary>A reference to one output property of a declared resource: <c>${name.property}</c>.</summary>
public sealed record OutputReference(string ResourceName, string PropertyPath) : IExpression
{
    public string Token => $"${{{ResourceName}.{PropertyPath}}}";

    public object Render() => Token;
}

/// <summary>A string built from literals and references; literals are escaped for Pulumi YAML.</summary>
public sealed class Interpolation : IExpression
{
    private readonly IReadOnlyList<object> _parts;

    private Interpolation(IReadOnlyList<object> parts) => _parts = parts;

    /// <summary>Parts are strings (taken literally) or <see cref="Output{T}"/> values.</summary>
    public static Output<string> Of(params object[] parts)
    {
        foreach (var part in parts)
        {
            if (part is not string && part is not IOutput)
            {
                throw new ArgumentException($"Interpolation parts must be strings or outputs, not {part.GetType().Name}.");
            }
        }
        return new Output<string>(new Interpolation(parts));
    }

    public object Render() => string.Concat(_parts.Select(part => part switch
    {
        string literal => Literal.Escape(literal),
        IOutput output => output.Expression.Render() as string
            ?? throw new InvalidOperationException("Only string-valued expressions can be interpolated."),
        _ => throw new InvalidOperationException("unreachable"),
    }));
}

/// <summary><c>fn::secret</c>: the engine treats the wrapped value as a secret.</summary>
public sealed record SecretExpression(object Value) : IExpression
{
    public object Render() => Node.Map(("fn::secret", Node.From(Value)));
}

/// <summary><c>fn::toJSON</c>: serializes a structure at deploy time, so references inside stay live.</summary>
public sealed record ToJsonExpression(object Value) : IExpression
{
    public object Render() => Node.Map(("fn::toJSON", Node.From(Value)));
}

/// <summary>A reference to a key of the program's own <c>config:</c> section.</summary>
public sealed record ConfigReference(string Key) : IExpression
{
    public object Render() => $"${{{Key}}}";
}

/// <summary>Escaping of literal strings in Pulumi YAML.</summary>
public static class Literal
{
    /// <summary>
    /// Pulumi YAML reads <c>$$</c> as one <c>$</c> anywhere in a string and <c>${</c> as interpolation,
    /// so every literal <c>$</c> is doubled: lossless whatever follows it.
    /// </summary>
    public static string Escape(string value) => value.Replace("$", "$$", StringComparison.Ordinal);
}

/// <summary><c>fn::invoke</c>: calls a provider function at deploy time and takes one property of its result.</summary>
public sealed record InvokeExpression(string Function, IReadOnlyDictionary<string, object> Arguments, string ReturnProperty) : IExpression
{
    public string Package => Function.Split(':')[0];

    public object Render() => Node.Map(("fn::invoke", Node.Map(
        ("function", Function),
        // A function without inputs (getClientConfig) is called without an arguments block.
        ("arguments", Arguments.Count > 0 ? Node.From(Arguments) : null),
        ("options", Node.Map(("version", ProviderVersions.For(Package)))),
        ("return", ReturnProperty))));

    public static Output<T> Of<T>(string function, IReadOnlyDictionary<string, object> arguments, string returnProperty)
    {
        InvokeReadPermissions.For(function);
        return new(new InvokeExpression(function, arguments, returnProperty));
    }
}

/// <summary>
/// <c>fn::join</c> with an empty delimiter: concatenates literals and values that cannot sit inside an
/// interpolated string, such as an <c>fn::invoke</c> result.
/// </summary>
public sealed class JoinExpression : IExpression
{
    private readonly IReadOnlyList<object> _parts;

    private JoinExpression(IReadOnlyList<object> parts) => _parts = parts;

    /// <summary>Parts are strings (taken literally) or outputs of any expression.</summary>
    public static Output<string> Of(params object[] parts)
    {
        foreach (var part in parts)
        {
            if (part is not string && part is not IOutput)
            {
                throw new ArgumentException($"Join parts must be strings or outputs, not {part.GetType().Name}.");
            }
        }
        return new Output<string>(new JoinExpression(parts));
    }

    public object Render() => Node.Map(("fn::join", new List<object> { "", _parts.Select(Node.From).ToList() }));
}
