namespace Infra.Capacity.Faults;

/// <summary>
/// How the routing tier notices a lost sampler, chosen together (contrib exporter/loadbalancingexporter README, v0.158.0
/// as mapped by the ecosystem-explorer registry; keys confirmed in its config.schema.yaml): the Cloud Map resolver
/// re-reads the healthy samplers every <see cref="ResolverIntervalSeconds"/>; a part of a batch sent to a dead sampler
/// fails after <see cref="BackendTimeoutSeconds"/> with no per-backend retry; the top-level retry_on_failure then
/// re-resolves the ring and resends, so the part reaches a live sampler instead of being dropped.
/// </summary>
public static class FailoverTimings
{
    /// <summary>Cloud Map resolver refresh (its default is 30s): bounds how long a dead sampler stays in the ring.</summary>
    public const int ResolverIntervalSeconds = 5;

    /// <summary>Per-backend OTLP/gRPC timeout: below the resolver interval, so a dead sampler costs a batch one timeout per refresh at most.</summary>
    public const int BackendTimeoutSeconds = 2;

    /// <summary>The whole export call across backends (top-level exporterhelper timeout).</summary>
    public const int ExportTimeoutSeconds = 10;

    /// <summary>Top-level retry: first wait, longest wait, and how long one batch is retried before it is dropped.</summary>
    public const int RetryInitialIntervalSeconds = 1;

    public const int RetryMaxIntervalSeconds = 5;

    /// <summary>Long enough for several resolver refreshes after a sampler is lost, and for a sampler scale-out to finish.</summary>
    public const int RetryMaxElapsedSeconds = 60;

    /// <summary>batch processor timeout on the sampling tier.</summary>
    public const int BatchTimeoutSeconds = 5;

    /// <summary>Time a stopping collector gets to hand its last batches to the exporters and the exporters to send them.</summary>
    public const int FinalFlushSeconds = 10;

    /// <summary>Fargate's ceiling for a container's stopTimeout (ECS container definition docs).</summary>
    public const int FargateMaxStopTimeoutSeconds = 120;
}
