using Infra.Collector;
using Infra.Collector.Validation;
using Infra.Model;
using Infra.Stacks;

namespace Infra;

/// <summary>
/// Runs the YAML reader and writer, the collector config's rendering and checks and the program
/// writer once on another core while the main thread reads the command line and the engine's JSON
/// config: their first use is most of the synth's start-up, and the main thread needs them only later.
/// Constant input, no output, no shared state; started by the process entry point only. It pays
/// under the JIT (the ReadyToRun build the launcher falls back to without a C toolchain: about 15-20%
/// of the synth's wall time); the native AOT build has no first-use cost to hide, and there it
/// measured within noise (31 vs 33 ms).
/// </summary>
public static class Warmup
{
    public static void Start() => new Thread(() =>
    {
        try
        {
            Run();
        }
        catch (Exception)
        {
            // Only speed is lost: the main thread does all the real work and reports its own errors.
            // An exception left on this thread would end the process (StartupPathTests runs the work to show it does not throw).
        }
    }) { IsBackground = true, Name = "warmup" }.Start();

    /// <summary>The warm-up's work: the same calls the main thread makes later, on constant input the checks accept.</summary>
    public static void Run()
    {
        // The reader first: the main thread needs it soonest (the stack file).
        YamlTree.ParseMap("a: [b, 'c', 1]\nd: { e: \"f\" }\n");
        var collectorYaml = CollectorYaml.Serialize(CollectorConfigFactory.Router(new SamplerDiscoveryNames("warmup.internal", "sampler"), 512, ingressAuth: null));
        CollectorConfigValidator.EnsureValid(collectorYaml, "warm-up");
        ProgramWriter.ToYaml(PluginManifest.Build());
    }
}
