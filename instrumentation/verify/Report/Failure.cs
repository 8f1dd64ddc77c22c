namespace Multicloud.Verify.Report;

/// <summary>
/// One way a hop fails: a code that names it, the likely cause and the fix. The texts may hold the placeholders
/// <c>&lt;stack&gt;</c>, <c>&lt;router&gt;</c> (the tier behind the load balancer), <c>&lt;sampler&gt;</c> (the tier
/// that exports) and <c>&lt;xray-exporter&gt;</c>, which a run fills in; the README's table shows them as they are.
/// </summary>
internal sealed record Failure(string Code, Hop? Hop, string Cause, string Fix);
