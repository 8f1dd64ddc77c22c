namespace Infra.Tests.Fuzzing;

/// <summary>
/// One mutated input (a stack file's text, or PULUMI_CONFIG's JSON) and what a refusal of it must name:
/// one of <see cref="Blamed"/> keys, or, when <see cref="SyntaxErrorAllowed"/>, only the file as a syntax error.
/// </summary>
public sealed record FuzzCase(string Mutation, string Input, IReadOnlyList<string> Blamed, bool MustRefuse, bool SyntaxErrorAllowed)
{
    public override string ToString() =>
        $"{Mutation}\nblamed: {string.Join(", ", Blamed)}; must refuse: {MustRefuse}; syntax error allowed: {SyntaxErrorAllowed}\ninput ({Input.Length} chars):\n{(Input.Length > 3000 ? Input[..3000] + "…" : Input)}";
}
