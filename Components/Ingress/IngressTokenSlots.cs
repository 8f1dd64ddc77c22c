namespace Infra.Components.Ingress;

/// <summary>What a token does in a generation: handed to senders, still accepted, or accepted ahead of time.</summary>
public enum IngressTokenRole
{
    Previous,
    Current,
    Next,
}

/// <summary>One of the three stored tokens: its slot (a fixed resource), the generation it holds and its role now.</summary>
public sealed record IngressTokenSlot(int Slot, int Generation, IngressTokenRole Role);

/// <summary>
/// Rotation without a gap: at generation N the collector accepts the tokens of N-1, N and N+1 and
/// senders are handed N. Raising N to N+1 hands out a token every running collector already accepts,
/// keeps N accepted for senders not yet moved, and replaces only the slot that held N-1. Generation g
/// lives in slot g mod 3, so a raise recreates exactly one password.
/// </summary>
public static class IngressTokenSlots
{
    public const int Count = 3;

    public static IReadOnlyList<IngressTokenSlot> For(int generation) =>
    [
        .. new[] { (generation - 1, IngressTokenRole.Previous), (generation, IngressTokenRole.Current), (generation + 1, IngressTokenRole.Next) }
            .Select(entry => new IngressTokenSlot(entry.Item1 % Count, entry.Item1, entry.Item2))
            .OrderBy(slot => slot.Slot),
    ];
}
