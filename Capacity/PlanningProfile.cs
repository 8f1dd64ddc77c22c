namespace Infra.Capacity;

/// <summary>
/// What each tier is planned to hold beyond the declared average: the busiest hour (<c>peakFactor</c> x the average),
/// and, at that peak, the loss of one task per tier, or in production of one availability zone's share of the tasks
/// (ECS spreads a Fargate service's tasks over the availability zones of its subnets).
/// </summary>
public sealed record PlanningProfile
{
    public PlanningProfile(double peakFactor, int availabilityZones, bool loseZone)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(peakFactor, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(availabilityZones);
        PeakFactor = peakFactor;
        AvailabilityZones = availabilityZones;
        LoseZone = loseZone;
    }

    public double PeakFactor { get; }

    public int AvailabilityZones { get; }

    /// <summary>Production: plan for a whole availability zone lost, not just one task.</summary>
    public bool LoseZone { get; }

    /// <summary>Tasks lost out of <paramref name="tasks"/>: one, or the largest share one zone holds (at least one).</summary>
    public int TasksLost(int tasks) => LoseZone ? Math.Max(1, (int)Math.Ceiling(tasks / (double)AvailabilityZones)) : 1;

    /// <summary>What the loss is called in messages and the plan.</summary>
    public string LossCase => LoseZone ? $"one of {AvailabilityZones} availability zones lost" : "one task lost";
}
