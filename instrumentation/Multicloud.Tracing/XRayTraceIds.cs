using System.Buffers.Binary;
using System.Diagnostics;

namespace Multicloud.Tracing;

/// <summary>
/// Trace IDs that AWS X-Ray sorts by time: the first 4 bytes are the Unix time in seconds (big-endian, so they are
/// the first 8 hex digits), the other 12 bytes random, as X-Ray's own trace ID format puts them.
/// </summary>
internal static class XRayTraceIds
{
    public static ActivityTraceId Create() => Create(DateTimeOffset.UtcNow);

    public static ActivityTraceId Create(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, checked((uint)now.ToUnixTimeSeconds()));
        Random.Shared.NextBytes(bytes[4..]);
        return ActivityTraceId.CreateFromBytes(bytes);
    }
}
