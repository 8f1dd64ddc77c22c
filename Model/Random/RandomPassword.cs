namespace Infra.Model.Random;

/// <summary><c>random:RandomPassword</c>: a generated credential whose result is a secret output.</summary>
public sealed class RandomPassword(string name, RandomPasswordArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "random:RandomPassword";

    /// <summary>The provider's schema marks these secret; the program says so too, so no reader has to know.</summary>
    public override IReadOnlyList<string> SecretOutputs => ["result", "bcryptHash"];

    public Output<string> Result => OutputOf<string>("result");
}

public sealed record RandomPasswordArgs
{
    public required int Length { get; init; }

    /// <summary>A changed value replaces the password: how a rotation is asked for.</summary>
    public IReadOnlyDictionary<string, string>? Keepers { get; init; }

    public bool? Special { get; init; }

    public bool? Upper { get; init; }

    public bool? Lower { get; init; }

    public bool? Numeric { get; init; }

    public int? MinUpper { get; init; }

    public int? MinLower { get; init; }

    public int? MinNumeric { get; init; }
}
