using Infra.Settings.Topology;

namespace Infra.Capacity;

/// <summary>
/// What one task of a tier holds: spans/s from its vCPU, traces in flight from its memory (a sampling tier), and how
/// full a load makes it. Every count the model plans comes from here, so the plan and the checks agree.
/// </summary>
public sealed record TaskCapacity(TierSpec Tier, double SpansPerVcpu, MemoryLimits Memory, TraceMemory? Traces, double SpansPerTrace, int DecisionWaitSeconds)
{
    private const double BytesPerMiB = 1024 * 1024;

    public TierSize Size => Tier.Size;

    public double SpansPerSecondPerTask => Size.Vcpu * SpansPerVcpu;

    /// <summary>The CPU target the autoscaler keeps, or 100% for a tier that does not scale.</summary>
    public double CpuLimitPercent => Target(ScalingRule.Cpu) ?? 100;

    /// <summary>The memory target the autoscaler keeps; null when memory does not scale the tier (the soft limit still holds).</summary>
    public double? MemoryTargetPercent => Target(ScalingRule.Memory);

    /// <summary>The tier at <paramref name="tracesPerSecond"/> spread over <paramref name="tasks"/> tasks.</summary>
    public TierLoad At(double tracesPerSecond, int tasks)
    {
        var spans = tracesPerSecond * SpansPerTrace;
        var cpu = tasks > 0 ? spans / (tasks * SpansPerSecondPerTask) * 100 : double.PositiveInfinity;
        double? traces = Traces is null ? null : tasks > 0 ? tracesPerSecond * DecisionWaitSeconds / tasks : double.PositiveInfinity;
        var memoryMiB = SizingConstants.CollectorBaseFootprintMiB + (traces ?? 0) * (Traces?.BytesPerTrace ?? 0) / BytesPerMiB;
        var memoryFits = Traces is null ? SizingConstants.CollectorBaseFootprintMiB <= Memory.SoftLimitMib : traces <= Traces.TraceCapacityPerTask;
        return new TierLoad(tracesPerSecond, spans, tasks, cpu, memoryMiB, memoryMiB / Size.MemoryMiB * 100, traces, cpu <= 100 + 1e-9 && memoryFits);
    }

    /// <summary>
    /// Fewest tasks that keep <paramref name="tracesPerSecond"/> at or below the tier's autoscaling targets: the count
    /// target tracking settles on. A tier that does not scale uses its hard limits. Null when no count does.
    /// </summary>
    public int? TasksWithinTargets(double tracesPerSecond) => Tier.Autoscaled
        ? Max(TasksForCpu(tracesPerSecond, CpuLimitPercent), MemoryTargetPercent is { } memory ? TasksForMemoryPercent(tracesPerSecond, memory) : FootprintFits())
        : TasksWithinHardLimits(tracesPerSecond);

    /// <summary>Fewest tasks that carry the load at 100% CPU and below the memory_limiter soft limit; null when none.</summary>
    public int? TasksWithinHardLimits(double tracesPerSecond) => Max(
        TasksForCpu(tracesPerSecond, 100),
        Traces is null ? FootprintFits()
            : Traces.TraceCapacityPerTask > 0 ? TasksFor(tracesPerSecond * DecisionWaitSeconds / Traces.TraceCapacityPerTask) : null);

    private int TasksForCpu(double tracesPerSecond, double percent) => TasksFor(tracesPerSecond * SpansPerTrace / (SpansPerSecondPerTask * percent / 100));

    private int? TasksForMemoryPercent(double tracesPerSecond, double percent)
    {
        var room = percent / 100 * Size.MemoryMiB - SizingConstants.CollectorBaseFootprintMiB;
        if (room <= 0)
        {
            return null;
        }
        return Traces is null ? 1 : TasksFor(tracesPerSecond * DecisionWaitSeconds * Traces.BytesPerTrace / BytesPerMiB / room);
    }

    private int? FootprintFits() => SizingConstants.CollectorBaseFootprintMiB <= Memory.SoftLimitMib ? 1 : null;

    private double? Target(string metric) => Tier.Scaling.FirstOrDefault(rule => rule.PredefinedMetric == metric)?.TargetPercent;

    private static int? Max(int? a, int? b) => a is { } x && b is { } y ? Math.Max(x, y) : null;

    /// <summary>At least one; a hair below the next integer still counts as that integer (2.0000000001 tasks is 2).</summary>
    private static int TasksFor(double tasks) => Math.Max(1, (int)Math.Min(int.MaxValue, Math.Ceiling(tasks - 1e-9)));
}
