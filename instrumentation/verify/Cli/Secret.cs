namespace Multicloud.Verify.Cli;

/// <summary>A value that must never be printed: its ToString says so instead.</summary>
internal sealed class Secret(string value)
{
    public string Reveal() => value;

    public override string ToString() => "(secret)";
}
