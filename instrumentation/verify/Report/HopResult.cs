namespace Multicloud.Verify.Report;

/// <summary>One hop's verdict: what was seen, and when it failed, the diagnosis with its placeholders filled in.</summary>
internal sealed record HopResult(Hop Hop, string Detail, Failure? Failure, string? Cause = null, string? Fix = null)
{
    public bool Ok => this.Failure is null;

    public static HopResult Passed(Hop hop, string detail) => new(hop, detail, null);

    public static HopResult Failed(Hop hop, string detail, Failure failure, DiagnosisContext context) =>
        new(hop, detail, failure, context.Fill(failure.Cause), context.Fill(failure.Fix));
}
