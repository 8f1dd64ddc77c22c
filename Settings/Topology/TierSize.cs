namespace Infra.Settings.Topology;

/// <summary>
/// One Fargate service: the task size and the autoscaling bounds. The settings rules check a
/// Fargate pair and min &lt;= max with messages naming the keys; here only what no setting allows.
/// </summary>
public sealed record TierSize
{
    public TierSize(int cpuUnits, int memoryMiB, int minTasks, int maxTasks)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cpuUnits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(memoryMiB);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minTasks);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTasks);
        CpuUnits = cpuUnits;
        MemoryMiB = memoryMiB;
        MinTasks = minTasks;
        MaxTasks = maxTasks;
    }

    /// <summary>Fargate CPU units; 1024 units are one vCPU.</summary>
    public int CpuUnits { get; }

    public int MemoryMiB { get; }

    public int MinTasks { get; }

    public int MaxTasks { get; }

    public double Vcpu => CpuUnits / 1024.0;

    /// <summary>Fargate bills memory in GB of task size: 1024 MiB is 1 GB.</summary>
    public double MemoryGb => MemoryMiB / 1024.0;
}
