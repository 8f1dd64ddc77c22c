namespace Infra.Capacity;

/// <summary>A tier at peak after losing <see cref="TasksLost"/> of its tasks: what the rest carry until ECS replaces them.</summary>
public sealed record TierLoss(string Case, int TasksLost, TierLoad Survivors);
