using Infra.Model;
using Infra.Settings;
using Infra.Stacks;

namespace Infra;

/// <summary>Where a synth run takes its stack and config from: flags, the engine's environment, the stack files.</summary>
public sealed record SynthContext(string? StackFlag, Func<string, string?> GetEnvironment, string ProjectDirectory);

/// <summary>Chooses the stack and its config, validates the settings and builds the program.</summary>
public static class Synthesizer
{
    /// <summary>The program, and the stack it is for (null: no stack named, the engine's plugin discovery call).</summary>
    public static (string? Stack, PulumiProgram Program) Build(SynthContext context)
    {
        var stack = Resolve(context);
        if (stack is null)
        {
            return (null, PluginManifest.Build());
        }
        var settings = StackSettingsReader.Read(stack.Value.Name, stack.Value.Config);
        return (stack.Value.Name, ObservabilityStack.Build(settings));
    }

    private static (string Name, StackConfig Config)? Resolve(SynthContext context)
    {
        var engineStack = NonEmpty(context.GetEnvironment("PULUMI_STACK"));
        var stack = NonEmpty(context.StackFlag) ?? engineStack;
        if (stack is null)
        {
            return null;
        }
        // The engine's PULUMI_CONFIG belongs to PULUMI_STACK; for another stack named by flag, read its file.
        var engineConfig = NonEmpty(context.GetEnvironment("PULUMI_CONFIG"));
        var config = engineConfig is not null && stack == engineStack
            ? StackConfigLoader.FromPulumiConfigJson(engineConfig)
            : StackConfigLoader.FromStackFile(context.ProjectDirectory, stack);
        return (stack, config);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
