namespace Infra.Model;

/// <summary>Untyped view of an output, for code that only renders or walks expressions.</summary>
public interface IOutput
{
    IExpression Expression { get; }
}

/// <summary>A value known only at deploy time (a resource output, an interpolation, a secret).</summary>
public sealed class Output<T> : IOutput
{
    internal Output(IExpression expression) => Expression = expression;

    public IExpression Expression { get; }

    /// <summary>Marks this value secret in the program (<c>fn::secret</c>).</summary>
    public Output<T> AsSecret() => new(new SecretExpression(this));
}

/// <summary>An input: a literal known now, or an output known at deploy time.</summary>
public sealed class Input<T> : IInput
{
    private Input(object value) => Value = value;

    /// <summary>Either a literal <typeparamref name="T"/> or an <see cref="IOutput"/>.</summary>
    public object Value { get; }

    public static implicit operator Input<T>(T literal) =>
        new(literal ?? throw new ArgumentNullException(nameof(literal)));

    public static implicit operator Input<T>(Output<T> output) => new(output);
}

/// <summary>Untyped view of an input for the renderer.</summary>
public interface IInput
{
    object Value { get; }
}
