namespace Infra.Model.Aws;

/// <summary><c>aws:iam:Role</c>.</summary>
public sealed class IamRole(string name, IamRoleArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:iam:Role";

    public Output<string> Arn => OutputOf<string>("arn");

    public Output<string> RoleName => OutputOf<string>("name");
}

public sealed record IamRoleArgs
{
    public required string Description { get; init; }

    public required Input<string> AssumeRolePolicy { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary><c>aws:iam:RolePolicy</c>: an inline policy, so each role's rights sit beside it.</summary>
public sealed class IamRolePolicy(string name, IamRolePolicyArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:iam:RolePolicy";
}

public sealed record IamRolePolicyArgs
{
    public required Input<string> Role { get; init; }

    public required Input<string> Policy { get; init; }
}
