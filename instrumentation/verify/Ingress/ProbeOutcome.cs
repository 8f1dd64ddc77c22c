namespace Multicloud.Verify.Ingress;

/// <summary>What the ingress answered one probe: an HTTP status, or no answer (<see cref="Status"/> null) with the error.</summary>
internal sealed record ProbeOutcome(int? Status, string? Error)
{
    public bool Accepted => Status is >= 200 and < 300;

    public bool Refused => Status == 401;

    public override string ToString() => Status is { } status ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"no answer: {Error}";
}
