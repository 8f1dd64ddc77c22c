namespace Infra.Model.Random;

/// <summary><c>random:RandomString</c>: a stable random suffix for names that must be unique.</summary>
public sealed class RandomString(string name, RandomStringArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "random:RandomString";

    public Output<string> Result => OutputOf<string>("result");
}

public sealed record RandomStringArgs
{
    public required int Length { get; init; }

    public bool? Special { get; init; }

    public bool? Upper { get; init; }

    public bool? Lower { get; init; }

    public bool? Numeric { get; init; }
}
