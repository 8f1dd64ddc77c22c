// The kit sets process-wide statics (Activity.TraceIdGenerator, the default propagators): tests run one at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
