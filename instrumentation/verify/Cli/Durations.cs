using System.Globalization;

namespace Multicloud.Verify.Cli;

/// <summary>A duration on the command line: seconds (<c>600</c>, <c>600s</c>), minutes (<c>10m</c>) or milliseconds (<c>500ms</c>).</summary>
internal static class Durations
{
    public static TimeSpan Parse(string text, string option)
    {
        var trimmed = text.Trim();
        var (number, unit) = trimmed.EndsWith("ms", StringComparison.Ordinal) ? (trimmed[..^2], 0.001)
            : trimmed.EndsWith('s') ? (trimmed[..^1], 1.0)
            : trimmed.EndsWith('m') ? (trimmed[..^1], 60.0)
            : (trimmed, 1.0);
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0 || value * unit > TimeSpan.FromHours(6).TotalSeconds)
        {
            throw new UsageException($"{option} is '{text}': give a positive duration up to 6 hours, such as 600, 600s, 10m or 500ms.");
        }

        return TimeSpan.FromSeconds(value * unit);
    }

    public static string Format(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1)
            ? $"{duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms"
            : $"{duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";
}
