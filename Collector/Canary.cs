namespace Infra.Collector;

/// <summary>
/// The canary trace the verify tool sends through a deployed stack (instrumentation/verify, CanaryAttribute): every
/// canary span carries this boolean attribute, and tail sampling keeps such traces whatever the other policies say,
/// so a canary never fails for being sampled out. Policies are OR'ed, so this keeps nothing else.
/// </summary>
public static class Canary
{
    public const string Attribute = "multicloud.canary";

    public const string PolicyName = "keep-canary";
}
