using System.Globalization;
using Infra.Capacity;
using Infra.Capacity.Faults;
using Infra.Settings;

namespace Infra.Plan;

/// <summary>What the stack as configured loses and how long it holds on when a part fails: the README's fault table, in this stack's numbers.</summary>
public static class FaultSummary
{
    public static IReadOnlyList<string> Lines(StackSettings settings, CapacityReport capacity)
    {
        var topology = settings.Runtime.Topology;
        var lines = new List<string>();
        if (LostSampler.For(topology, capacity.Traffic, capacity.Sampling) is { } lost)
        {
            lines.Add($"A lost {topology.Sampling.Name} task: the routers stall its share for up to {N(lost.StallSeconds)} s (resolver refresh {FailoverTimings.ResolverIntervalSeconds} s + backend timeout {FailoverTimings.BackendTimeoutSeconds} s), "
                + $"then re-route about {C(lost.SpansRerouted)} spans to live samplers (some may arrive twice); the {C(lost.TracesSplit)} traces it held are split and about {C(lost.SpansLost)} of their spans are lost with it.");
        }
        var rideThrough = StackCapacity.RideThroughOf(settings);
        lines.Add(rideThrough.Persistent
            ? $"A backend outage: each {topology.Sampling.Name} task queues {N(rideThrough.ExportBytesPerSecondPerTask / 1000)} kB/s of kept spans per exporter on {rideThrough.EphemeralStorageGiB} GiB of ephemeral storage "
              + $"(queue_size {rideThrough.QueueSizeBatches} batches, X-Ray retried for {rideThrough.Minutes} min): an X-Ray outage of {rideThrough.Minutes} min loses nothing while the task lives; a replaced task starts empty. "
              + "Azure Monitor failures never reach the queue (the exporter retries in memory for about 100 s, then drops)."
            : $"A backend outage: in-memory queues of {rideThrough.QueueSizeBatches} batches hold about {N(rideThrough.RideThroughSeconds / 60)} min of kept spans per task; set {SettingKeys.Qualified(SettingKeys.OutageRideThroughMinutes)} to persist them.");
        lines.Add("Task stop (deploy, scale-in): " + string.Join(", ", topology.Tiers.Select(tier => $"{tier.Name} {StopTimeout.SecondsFor(tier, settings.TailSampling.DecisionWaitSeconds)} s")) + " between SIGTERM and SIGKILL to decide, batch and flush.");
        return lines;
    }

    private static string N(double value) => value.ToString("#,0.#", CultureInfo.InvariantCulture);

    private static string C(double value) => Math.Round(value).ToString("#,0", CultureInfo.InvariantCulture);
}
