namespace Infra.Capacity;

/// <summary>
/// The published figures the capacity model rests on, each with its source. Change a figure only with a new source.
/// </summary>
public static class SizingConstants
{
    /// <summary>
    /// Measured throughput the constants below rest on: the contrib nightly load test Trace10kSPS/OTLP-HTTP (OTLP receiver,
    /// batch, OTLP exporter; no tail sampling) carries 10,000 spans/s at 12.80% of one core on average and 16.33% at most,
    /// with no span dropped (collector-contrib commit b58b76dc34b5, run 2026-05-16T00:57:32Z, from
    /// https://open-telemetry.github.io/opentelemetry-collector-contrib/benchmarks/loadtests/data.js as captured in a public
    /// benchmark note, read 2026-12-07). Hardware: the workflow's self-hosted runner labelled equinix-bare-metal, a bare-metal
    /// Equinix machine whose CPU model the workflow does not state (open-telemetry/opentelemetry-collector-contrib
    /// .github/workflows/load-tests.yml @02ddf083). These replace collector docs/performance.md (v0.1.3, removed 2023-11-14).
    /// </summary>
    public const double MeasuredSpansPerSecond = 10_000;

    /// <summary>The share of one core the measured run used at its busiest (16.33%); see <see cref="MeasuredSpansPerSecond"/>.</summary>
    public const double MeasuredMaxCoreShare = 0.1633;

    /// <summary>Spans/s one fully busy core carries at that rate: 10,000 / 0.1633 = 61,237 (linear scaling is not measured).</summary>
    public const double MeasuredSpansPerCore = MeasuredSpansPerSecond / MeasuredMaxCoreShare;

    /// <summary>
    /// CPU for tail sampling over plain export of the same spans, in one harness: the ADOT v0.36.0 benchmark on m5.2xlarge
    /// (10-minute runs, 5,000 single-span traces/s, mock backends) measured otlp -> groupbytrace + tail_sampling -> awsxray at
    /// 186.17% CPU and otlp -> batch -> awsxray at 125.52% (aws-observability/aws-otel-collector benchmark/report.md
    /// @c1be7172, 2023-12-08, read 2026-12-07): 1.48x. The contrib testbed has no tail-sampling scenario.
    /// </summary>
    public const double TailSamplingCpuFactor = 186.17 / 125.52;

    /// <summary>
    /// Spans per second one Fargate vCPU is planned to sustain routing (receive, route by trace ID, export): 16% of
    /// <see cref="MeasuredSpansPerCore"/>, a margin of 6.1x. The margin covers what the measurement does not: a Fargate vCPU
    /// that may be a hyperthread rather than a core, the loadbalancing exporter splitting every batch by trace ID and
    /// encoding it once per sampler, and production spans carrying more attributes than the testbed's.
    /// </summary>
    public const double SpansPerVcpuWithoutTailSampling = 10_000;

    /// <summary>
    /// Spans per second one Fargate vCPU is planned to sustain with tail sampling and both exports (gzip OTLP to X-Ray, JSON
    /// envelopes to Azure Monitor): 19% of <see cref="MeasuredSpansPerCore"/> / <see cref="TailSamplingCpuFactor"/>
    /// (41,300), a margin of 5.2x. Not conservative against the ADOT harness's own absolute figures (tail sampling at
    /// 2,686 spans/s per vCPU with one span per trace), but that harness also measured plain OTLP pass-through at 4,529
    /// spans/s per vCPU, 13x the contrib testbed's cost, so only its ratio is used. The samplers' CPU alarm and CPU
    /// autoscaling are the check on this figure.
    /// </summary>
    public const double SpansPerVcpuWithTailSampling = 8_000;

    /// <summary>
    /// Resident memory of a collector process before it holds any trace: the contrib testbed's ceiling for OTLP at 10K
    /// spans/s, 100 MiB (open-telemetry/opentelemetry-collector-contrib testbed/tests/trace_test.go, TestTrace10kSPS
    /// "OTLP-gRPC" ExpectedMaxRAM 100), which the measured run of <see cref="MeasuredSpansPerSecond"/> reached at its
    /// maximum (RAM 71 MiB on average, 100 MiB at most).
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
    /// num_traces holds at least this many times a sampler task's average share of the traces in flight on the minimum
    /// count, so a burst does not evict traces undecided (sampling_trace_dropped_too_early, contrib issue #29024); the
    /// peak with a loss is planned explicitly (<see cref="PlanningProfile"/>). A design choice, not a measurement.
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
