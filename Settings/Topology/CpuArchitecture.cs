namespace Infra.Settings.Topology;

/// <summary>The Fargate runtime platform's CPU architecture; the names are the ones ECS takes (<c>runtimePlatform.cpuArchitecture</c>).</summary>
public enum CpuArchitecture
{
    X86_64,
    ARM64,
}
