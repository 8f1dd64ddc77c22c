namespace Infra.Settings;

/// <summary>The CPU and memory pairs Fargate accepts (AWS ECS task size table, Linux).</summary>
public static class FargateSizes
{
    private static readonly IReadOnlyDictionary<int, (int Min, int Max, int Step)> MemoryByCpu = new SortedDictionary<int, (int, int, int)>
    {
        [256] = (512, 2048, 512),
        [512] = (1024, 4096, 1024),
        [1024] = (2048, 8192, 1024),
        [2048] = (4096, 16384, 1024),
        [4096] = (8192, 30720, 1024),
        [8192] = (16384, 61440, 4096),
        [16384] = (32768, 122880, 8192),
    };

    public static IReadOnlyList<int> CpuUnits => MemoryByCpu.Keys.ToList();

    public static bool IsValid(int cpu, int memory) =>
        MemoryByCpu.TryGetValue(cpu, out var range)
        && memory >= range.Min && memory <= range.Max && (memory - range.Min) % range.Step == 0
        // 256 CPU units take exactly 512, 1024 or 2048.
        && (cpu != 256 || memory is 512 or 1024 or 2048);

    public static string AllowedMemoryFor(int cpu) =>
        MemoryByCpu.TryGetValue(cpu, out var range)
            ? cpu == 256 ? "512, 1024 or 2048" : $"{range.Min}..{range.Max} in steps of {range.Step}"
            : "none (not a Fargate CPU size)";
}
