using System.Text.Json;
using Infra.Model;

namespace Infra.Tests;

/// <summary>The schema check is only proof if it reads the typings of the provider versions the program pins.</summary>
public class SchemaCheckVersionTests
{
    private static readonly string ToolDirectory = Path.Combine(TestSupport.RepoRoot, "tools", "schema-check");

    [Fact]
    public void Npm_provider_versions_equal_the_pinned_provider_versions()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(ToolDirectory, "package.json")));
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(ToolDirectory, "package-lock.json")));
        var dependencies = manifest.RootElement.GetProperty("dependencies");
        var locked = lockFile.RootElement.GetProperty("packages");

        foreach (var (package, version) in ProviderVersions.ByPackage)
        {
            var npmName = $"@pulumi/{package}";
            Assert.Equal(version, dependencies.GetProperty(npmName).GetString());
            Assert.Equal(version, locked.GetProperty($"node_modules/{npmName}").GetProperty("version").GetString());
        }
    }
}
