namespace Infra.Capacity;

/// <summary>
/// The published figures the capacity model rests on, each with its source. Change a figure only with a new source.
/// </summary>
public static class SizingConstants
{
    /// <summary>
    /// Spans per second one vCPU sustains with tail sampling: the "Recommended Maximum" for OpenTelemetry spans on
    /// 1 CPU / 2 GB (sustained ~9K, recommended 8K). Source: open-telemetry/opentelemetry-collector docs/performance.md,
    /// "Results with tail-based sampling" (measured on collector 0.1.3; modern collectors do better, so this is conservative).
    /// </summary>
    public const double SpansPerVcpuWithTailSampling = 8_000;

    /// <summary>
    /// Spans per second one vCPU sustains without tail sampling (receive, batch, export): the "Recommended Maximum" for
    /// OpenTelemetry spans on 1 CPU / 2 GB (sustained ~12K, recommended 10K). Source: open-telemetry/opentelemetry-collector
    /// docs/performance.md, "Results without tail-based sampling". The contrib testbed is far above it (10K spans/s of
    /// OTLP under 20% of one CPU: open-telemetry/opentelemetry-collector-contrib testbed/tests/trace_test.go,
    /// TestTrace10kSPS "OTLP-gRPC" ExpectedMaxCPU 20), but it measures plain pass-through, not the loadbalancing exporter.
    /// </summary>
    public const double SpansPerVcpuWithoutTailSampling = 10_000;

    /// <summary>
    /// Resident memory of a collector process before it holds any trace: the contrib testbed's ceiling for OTLP at 10K
    /// spans/s, 100 MiB. Source: open-telemetry/opentelemetry-collector-contrib testbed/tests/trace_test.go,
    /// TestTrace10kSPS "OTLP-gRPC" ExpectedMaxRAM 100.
    /// </summary>
    public const double CollectorBaseFootprintMiB = 100;

    /// <summary>
    /// In-memory bytes per wire byte of a span held by tail sampling. An assumption, not a measurement: decoded pdata
    /// spans carry string and slice headers, boxed attribute values and Go size-class rounding on top of the protobuf
    /// bytes. Cross-check: a vendor reports 50,000 held traces at ~400-500 MB, 8-10 KB per trace
    /// (https://docs.edgedelta.com/trace-tail-sampling, read 2026-11-29); 5 spans of 600 bytes x 3 = 9 KB matches it.
    /// </summary>
    public const double InMemoryOverheadFactor = 3;

    /// <summary>
    /// Bytes per decision-cache entry, derived: the cache is hashicorp/golang-lru/v2 keyed by the trace ID's right half
    /// (open-telemetry/opentelemetry-collector-contrib processor/tailsamplingprocessor/internal/cache/lru_cache.go); each
    /// entry is an internal.Entry (hashicorp/golang-lru internal/list.go: three pointers, a uint64 key, the value, a
    /// time.Time, two small fields, ~64-80 bytes) plus its map slot (~20-30 bytes). Rounded up to 100.
    /// The vendor figure above is lower (20,000 IDs ~640 KB, 32 bytes each), so 100 is conservative.
    /// </summary>
    public const double DecisionCacheEntryBytes = 100;

    /// <summary>
    /// num_traces holds this many times the traces in flight at the declared load, so a burst or a lost sampler
    /// does not evict traces undecided (sampling_trace_dropped_too_early, contrib issue #29024).
    /// </summary>
    public const double NumTracesHeadroom = 2;

    /// <summary>
    /// Each decision cache holds this many times num_traces. The tail_sampling README says to make the caches "much greater
    /// than num_traces so decisions for trace IDs are kept longer than the span data"
    /// (open-telemetry/opentelemetry-collector-contrib processor/tailsamplingprocessor/README.md); 10x keeps a verdict for
    /// about 10 x headroom x decision wait after the trace's spans are gone.
    /// </summary>
    public const double DecisionCacheToNumTraces = 10;

    /// <summary>
    /// memory_limiter limit_mib as a share of task memory, equal to GOMEMLIMIT: the memory_limiter README says GOMEMLIMIT
    /// "should be set to 80% of the hard memory limit of your collector" and that the process uses about 50 MiB above
    /// limit_mib (open-telemetry/opentelemetry-collector processor/memorylimiterprocessor/README.md). With both at 80% the Go
    /// GC works hardest where the limiter forces GC, and 20% of the task stays for non-heap memory.
    /// </summary>
    public const double MemoryLimitShareOfTask = 0.8;

    /// <summary>
    /// spike_limit_mib as a share of limit_mib: "A good starting point for spike_limit_mib is 20% of the hard limit"
    /// (same README). Data is refused above limit - spike, the soft limit.
    /// </summary>
    public const double SpikeLimitShareOfLimit = 0.2;
}
