namespace Infra.Collector.Components;

/// <summary>configtls ClientConfig (core config/configtls); <c>insecure</c> is plaintext gRPC, the client's default being TLS.</summary>
public sealed record ClientTls(
    bool Insecure);
