namespace Infra.Capacity;

/// <summary>memory_limiter and GOMEMLIMIT for one task, derived from its memory (see <see cref="SizingConstants"/>).</summary>
public sealed record MemoryLimits(int LimitMib, int SpikeLimitMib, int GoMemLimitMib)
{
    public static MemoryLimits ForTask(int taskMemoryMiB)
    {
        var limit = (int)Math.Floor(taskMemoryMiB * SizingConstants.MemoryLimitShareOfTask);
        var spike = (int)Math.Floor(limit * SizingConstants.SpikeLimitShareOfLimit);
        return new MemoryLimits(limit, spike, limit);
    }

    /// <summary>Above this the limiter refuses data: limit_mib - spike_limit_mib.</summary>
    public int SoftLimitMib => LimitMib - SpikeLimitMib;
}
