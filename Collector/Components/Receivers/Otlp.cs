namespace Infra.Collector.Components.Receivers;

/// <summary>
/// otlp receiver. Type: core receiver/otlpreceiver/metadata.yaml at v0.159.0, <c>type: otlp</c> with no
/// alias (only the OTLP exporters were renamed). Keys: core receiver/otlpreceiver/config.go;
/// protocols.grpc is configgrpc.ServerConfig, protocols.http confighttp.ServerConfig.
/// </summary>
public static class Otlp
{
    public const string Type = "otlp";

    public static readonly ComponentType Descriptor = new()
    {
        Kind = ComponentKind.Receiver,
        Type = Type,
        Record = typeof(OtlpReceiver),
        AcceptedKeys = ComponentType.Keys(["protocols"]),
    };
}

/// <summary>otlp receiver: <c>protocols.grpc.endpoint</c> and <c>protocols.http.endpoint</c>.</summary>
public sealed record OtlpReceiver(
    OtlpProtocols Protocols);

public sealed record OtlpProtocols(
    ServerEndpoint? Grpc,
    ServerEndpoint? Http);

/// <summary>A server endpoint (configgrpc / confighttp ServerConfig); keepalive is gRPC only.</summary>
public sealed record ServerEndpoint(
    string Endpoint,
    GrpcKeepalive? Keepalive = null,
    Authentication? Auth = null);

/// <summary>configgrpc KeepaliveServerConfig.</summary>
public sealed record GrpcKeepalive(
    GrpcKeepaliveServerParameters ServerParameters);

/// <summary>
/// Closing a gRPC connection after a while makes clients reconnect through the NLB, so new tasks
/// get traffic after a scale-out instead of idling behind long-lived connections.
/// </summary>
public sealed record GrpcKeepaliveServerParameters(
    string MaxConnectionAge,
    string MaxConnectionAgeGrace);
