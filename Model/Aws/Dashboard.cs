namespace Infra.Model.Aws;

/// <summary><c>aws:cloudwatch:Dashboard</c>; the body is a JSON document (see <see cref="DashboardBody"/>).</summary>
public sealed class Dashboard(string name, DashboardArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:cloudwatch:Dashboard";
}

public sealed record DashboardArgs
{
    public required string DashboardName { get; init; }

    public required Input<string> DashboardBody { get; init; }
}
