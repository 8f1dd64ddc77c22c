// Each run builds two tracer providers that listen process-wide (HttpClient and ASP.NET Core activities): runs one
// at a time keep one run's spans out of another's fake ingress.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
