using OpenTelemetry.Trace;

namespace Multicloud.Tracing;

/// <summary>
/// Which spans the kit records. By default every one, whatever the caller's sampled flag: the collector's tail
/// sampling decides what to keep, and it can only keep what it receives. Parent-based sampling follows the flag.
/// </summary>
internal static class Sampling
{
    private const string AlwaysOn = "always_on";
    private const string ParentBasedAlwaysOn = "parentbased_always_on";

    /// <summary>Whether to follow the caller's sampled flag: the option, then <c>OTEL_TRACES_SAMPLER</c>, then no.</summary>
    public static bool ResolveParentBased(bool? option, string? variable)
    {
        if (option is { } parentBased)
        {
            return parentBased;
        }

        // The specification reads enum values case-insensitively, as the SDK does for this variable.
        return variable?.Trim().ToLowerInvariant() switch
        {
            null or "" or AlwaysOn => false,
            ParentBasedAlwaysOn => true,
            _ => throw new MulticloudTracingConfigurationException(
                $"{SettingNames.TracesSampler} is '{variable}': use {AlwaysOn} (the default: record every span, the collector's tail sampling decides) or {ParentBasedAlwaysOn} (record only what the caller's traceparent marks sampled). Other samplers drop spans, errors included, before the collector sees them."),
        };
    }

    /// <summary>
    /// The sampler for the setting. Both record a root span. Under a parent, <see cref="AlwaysOnSampler"/> records and
    /// sets the sampled flag even when the caller's flag was 00, so what this service sends on says 01; the
    /// parent-based one drops the span and keeps the caller's 00 in what it sends on.
    /// </summary>
    public static Sampler For(bool parentBased) =>
        parentBased ? new ParentBasedSampler(new AlwaysOnSampler()) : new AlwaysOnSampler();
}
