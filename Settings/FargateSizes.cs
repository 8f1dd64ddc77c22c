namespace Infra.Settings;

/// <summary>The CPU and memory pairs Fargate accepts (AWS ECS task size table, Linux).</summary>
public static class FargateSizes
{
    /// <summary>One CPU size and the task memory (MiB) it takes: Min..Max in steps of Step.</summary>
    private sealed record CpuSize(int Cpu, int Min, int Max, int Step);

    // An array of records rather than a dictionary of tuples: generic code over value types is JIT-compiled
    // at every start of the synth (ReadyToRun cannot precompile the framework's generics for our types).
    private static readonly CpuSize[] Sizes =
    [
        new(256, 512, 2048, 512),
        new(512, 1024, 4096, 1024),
        new(1024, 2048, 8192, 1024),
        new(2048, 4096, 16384, 1024),
        new(4096, 8192, 30720, 1024),
        new(8192, 16384, 61440, 4096),
        new(16384, 32768, 122880, 8192),
    ];

    public static IReadOnlyList<int> CpuUnits => Sizes.Select(size => size.Cpu).ToList();

    public static bool IsValid(int cpu, int memory) =>
        SizeOf(cpu) is { } size
        && memory >= size.Min && memory <= size.Max && (memory - size.Min) % size.Step == 0
        // 256 CPU units take exactly 512, 1024 or 2048.
        && (cpu != 256 || memory is 512 or 1024 or 2048);

    public static string AllowedMemoryFor(int cpu) =>
        SizeOf(cpu) is { } size
            ? cpu == 256 ? "512, 1024 or 2048" : $"{size.Min}..{size.Max} in steps of {size.Step}"
            : "none (not a Fargate CPU size)";

    private static CpuSize? SizeOf(int cpu) => Array.Find(Sizes, size => size.Cpu == cpu);
}
