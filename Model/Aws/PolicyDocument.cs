namespace Infra.Model.Aws;

/// <summary>An IAM policy document built from typed statements; rendered with fn::toJSON so ARNs stay references.</summary>
public sealed record PolicyDocument
{
    [WireName("Version")]
    public string Version { get; init; } = "2012-10-17";

    [WireName("Statement")]
    public required IReadOnlyList<PolicyStatement> Statement { get; init; }

    public Output<string> ToJson() => new(new ToJsonExpression(this));
}

public sealed record PolicyStatement
{
    [WireName("Sid")]
    public string? Sid { get; init; }

    [WireName("Effect")]
    public string Effect { get; init; } = "Allow";

    [WireName("Principal")]
    public PolicyPrincipal? Principal { get; init; }

    [WireName("Action")]
    public required IReadOnlyList<string> Action { get; init; }

    [WireName("Resource")]
    public IReadOnlyList<Input<string>>? Resource { get; init; }

    [WireName("Condition")]
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>>? Condition { get; init; }
}

/// <summary>An AWS service principal, or an AWS account or role (<see cref="Aws"/>), as a policy's Principal names it.</summary>
public sealed record PolicyPrincipal([property: WireName("Service")] string? Service = null)
{
    [WireName("AWS")]
    public Input<string>? Aws { get; init; }
}
