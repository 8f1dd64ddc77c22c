using System.Globalization;
using System.Text.Json;

namespace AzureIngest;

/// <summary>
/// Tells the ingest to fail or to be slow, for trying the collector's sampling policies: per request with a
/// <c>"simulate": "fail" | "slow"</c> field in the payload, or for every request with INGEST_SIMULATE.
/// </summary>
internal sealed class Simulation
{
    public const string Fail = "fail";
    public const string Slow = "slow";
    private const int DefaultSlowMilliseconds = 1500;

    private Simulation(string? defaultMode, TimeSpan slowDelay) => (this.DefaultMode, this.SlowDelay) = (defaultMode, slowDelay);

    public string? DefaultMode { get; }

    public TimeSpan SlowDelay { get; }

    public static Simulation FromConfiguration(IConfiguration configuration)
    {
        var mode = configuration["INGEST_SIMULATE"];
        if (!string.IsNullOrEmpty(mode) && mode is not (Fail or Slow))
        {
            throw new ArgumentException($"INGEST_SIMULATE is '{mode}': use fail or slow, or leave it unset.");
        }

        var delayText = configuration["INGEST_SLOW_MS"];
        var delay = DefaultSlowMilliseconds;
        if (!string.IsNullOrEmpty(delayText) && (!int.TryParse(delayText, NumberStyles.None, CultureInfo.InvariantCulture, out delay) || delay is < 1 or > 60000))
        {
            throw new ArgumentException($"INGEST_SLOW_MS is '{delayText}': use a whole number of milliseconds from 1 to 60000.");
        }

        return new(string.IsNullOrEmpty(mode) ? null : mode, TimeSpan.FromMilliseconds(delay));
    }

    /// <summary>The payload's own <c>simulate</c> field if it has one, else the configured default (null: behave).</summary>
    public string? ModeFor(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("simulate", out var simulate)
            ? simulate.ToString()
            : this.DefaultMode;
}
