using Infra.Model;

namespace Infra.Stacks;

/// <summary>
/// The program printed when no stack is given: the engine calls the compiler that way only to
/// learn which provider plugins to install, so it declares one default provider per pinned package,
/// and the project's component package (Pulumi.yaml <c>packages:</c>), which the component program uses.
/// </summary>
public static class PluginManifest
{
    public static PulumiProgram Build()
    {
        var program = new PulumiProgram(Settings.SettingKeys.Project, ObservabilityStack.Description);
        foreach (var package in ProviderVersions.ByPackage.Keys.Concat(ProviderVersions.ProjectPackages))
        {
            program.Add("plugins", new ProviderResource(package));
        }
        return program;
    }

    /// <summary><c>pulumi:providers:&lt;package&gt;</c>, which names the package for plugin discovery.</summary>
    private sealed class ProviderResource(string package) : Resource($"{package}-provider", new { }, null)
    {
        public override string Type => $"pulumi:providers:{package}";
    }
}
