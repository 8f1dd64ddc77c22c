using Multicloud.Verify.Aws;
using Multicloud.Verify.Azure;

namespace Multicloud.Verify.Checks;

/// <summary>What the two backends showed of the canary trace by the end of the wait.</summary>
internal sealed record BackendLooks(PollResult<IReadOnlyList<FoundSpan>> XRay, PollResult<IReadOnlyList<AppInsightsRow>> Azure);
