namespace Infra.Capacity;

/// <summary>The stack-config keys a refusal names, as the user writes them (qualified); passed in by the settings layer.</summary>
public sealed record CapacityKeys(
    string ExpectedNewTracesPerSec,
    string SpansPerTrace,
    string AverageSpanBytes,
    string DecisionWaitSeconds,
    string TaskCpu,
    string TaskMemory,
    string RouterTaskCpu,
    string RouterTaskMemory,
    string RouterMinTasks,
    string RouterMaxTasks,
    string SamplerTaskCpu,
    string SamplerTaskMemory,
    string SamplerMinTasks,
    string SamplerMaxTasks)
{
    /// <summary>The keys named <c>namespace:key</c>, e.g. <c>otel-multicloud:samplerMinTasks</c>.</summary>
    public static CapacityKeys InNamespace(string configNamespace)
    {
        string Key(string name) => $"{configNamespace}:{name}";
        return new CapacityKeys(
            Key("expectedNewTracesPerSec"), Key("spansPerTrace"), Key("averageSpanBytes"), Key("decisionWaitSeconds"),
            Key("taskCpu"), Key("taskMemory"),
            Key("routerTaskCpu"), Key("routerTaskMemory"), Key("routerMinTasks"), Key("routerMaxTasks"),
            Key("samplerTaskCpu"), Key("samplerTaskMemory"), Key("samplerMinTasks"), Key("samplerMaxTasks"));
    }
}
