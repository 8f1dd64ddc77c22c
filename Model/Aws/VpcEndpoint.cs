namespace Infra.Model.Aws;

/// <summary><c>aws:ec2:VpcEndpoint</c>: an Interface endpoint (ENIs in the subnets, private DNS) or a Gateway endpoint (routes).</summary>
public sealed class VpcEndpoint(string name, VpcEndpointArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "aws:ec2:VpcEndpoint";
}

public sealed record VpcEndpointArgs
{
    public required string VpcId { get; init; }

    public required string ServiceName { get; init; }

    /// <summary>Interface or Gateway.</summary>
    public required string VpcEndpointType { get; init; }

    public IReadOnlyList<string>? SubnetIds { get; init; }

    public IReadOnlyList<Input<string>>? SecurityGroupIds { get; init; }

    /// <summary>Interface endpoints answer for the service's public name inside the VPC, so clients need no change.</summary>
    public bool? PrivateDnsEnabled { get; init; }

    public IReadOnlyList<string>? RouteTableIds { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
