using Infra.Capacity;
using Infra.Model;
using Infra.Settings;


namespace Infra.Stacks;

/// <summary>Where a synth run takes its stack and config from: flags, the engine's environment, the stack files.</summary>
public sealed record SynthContext(string? StackFlag, Func<string, string?> GetEnvironment, string ProjectDirectory);

/// <summary>Chooses the stack and its config, validates the settings and builds the program.</summary>
public static class Synthesizer
{
    public const string StackVariable = "PULUMI_STACK";
    public const string ConfigVariable = "PULUMI_CONFIG";

    /// <summary>
    /// The engine's calls: with <c>PULUMI_CONFIG</c> it is a stack run; without it (and no <c>--stack</c>)
    /// it is plugin discovery, even if the user's shell exported <c>PULUMI_STACK</c>, which would
    /// otherwise override the engine's own (absent) value. Null stack: the plugin manifest.
    /// </summary>
    public static (string? Stack, PulumiProgram Program) Build(SynthContext context)
    {
        var engineConfig = NonEmpty(context.GetEnvironment(ConfigVariable));
        var flag = NonEmpty(context.StackFlag);
        if (flag is null && engineConfig is null)
        {
            return (null, PluginManifest.Build());
        }
        var stack = flag ?? NonEmpty(context.GetEnvironment(StackVariable))
            ?? throw new UserError($"{ConfigVariable} is set but {StackVariable} is not: the engine sets both for a stack run. Run 'pulumi up --stack NAME', or pass --stack NAME.");
        return (stack, BuildStack(stack, ConfigFor(stack, engineConfig, context)).Program);
    }

    /// <summary>For a person (<c>plan</c>): the stack from <c>--stack</c>, else <c>PULUMI_STACK</c>, with its settings.</summary>
    public static (StackSettings Settings, BuiltStack Stack) BuildNamedStack(SynthContext context)
    {
        var stack = NonEmpty(context.StackFlag) ?? NonEmpty(context.GetEnvironment(StackVariable))
            ?? throw new UserError($"plan needs a stack: pass --stack NAME (known: {string.Join(", ", StackConfigLoader.KnownStacks(context.ProjectDirectory))}).");
        var settings = ReadChecked(stack, ConfigFor(stack, NonEmpty(context.GetEnvironment(ConfigVariable)), context));
        return (settings, ObservabilityStack.Build(settings));
    }

    private static BuiltStack BuildStack(string stack, StackConfig config) => ObservabilityStack.Build(ReadChecked(stack, config));

    /// <summary>The settings, checked key by key and across keys, then against the capacity model.</summary>
    public static StackSettings ReadChecked(string stack, StackConfig config)
    {
        var settings = StackSettingsReader.Read(stack, config);
        StackCapacity.EnsureHolds(settings, config.Source);
        return settings;
    }

    /// <summary>
    /// The engine's config belongs to the stack the engine runs. A flag naming another stack reads
    /// that stack's file; a shell's <c>PULUMI_STACK</c> that is not the engine's stack is caught by
    /// comparing the engine's config with that stack's file.
    /// </summary>
    private static StackConfig ConfigFor(string stack, string? engineConfig, SynthContext context)
    {
        var engineStack = NonEmpty(context.GetEnvironment(StackVariable));
        if (engineConfig is null || stack != engineStack)
        {
            return StackConfigLoader.FromStackFile(context.ProjectDirectory, stack);
        }
        var config = StackConfigLoader.FromPulumiConfigJson(engineConfig);
        // A mistyped key is named as such before the comparison, which would blame an exported PULUMI_STACK.
        StackSettingsReader.RejectUnknownProjectKeys(config);
        StackConfigLoader.EnsureEngineConfigMatchesStackFile(config, context.ProjectDirectory, stack);
        return config;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
