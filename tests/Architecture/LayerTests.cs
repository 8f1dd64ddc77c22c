using System.Reflection;
using NetArchTest.Rules;

namespace Infra.Tests.Architecture;

/// <summary>
/// The folders are layers, each using only those below it (docs/architecture.md): a dependency upwards is a loop
/// waiting to happen, so any one fails here, naming the types that take it.
/// </summary>
public class LayerTests
{
    private static readonly Assembly Synth = typeof(Infra.Cli).Assembly;

    /// <summary>Bottom to top. The entry point and the command line (namespace <c>Infra</c>) sit above them all.</summary>
    public static readonly string[] Layers =
    [
        "Infra.Model",
        "Infra.Settings",
        "Infra.Capacity",
        "Infra.Collector",
        "Infra.Cost",
        "Infra.Components",
        "Infra.Stacks",
        "Infra.Plan",
    ];

    /// <summary>Inside Components: shared handles, the stack's key, then the concerns that own credentials and resources, then the runtime, then monitoring.</summary>
    public static readonly string[][] ComponentLayers =
    [
        ["Infra.Components.Security"],
        ["Infra.Components.Azure", "Infra.Components.Ingress", "Infra.Components.Export"],
        ["Infra.Components.Runtime"],
        ["Infra.Components.Monitoring"],
    ];

    public static TheoryData<string> LayerNames => new(Layers);

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void A_layer_uses_no_layer_above_it(string layer)
    {
        var above = Layers.SkipWhile(name => name != layer).Skip(1).ToArray();
        if (above.Length == 0)
        {
            return;
        }
        var result = Types.InAssembly(Synth).That().ResideInNamespace(layer).ShouldNot().HaveDependencyOnAny(above).GetResult();

        Assert.True(result.IsSuccessful, $"{layer} uses a layer above it ({string.Join(", ", above)}): {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void No_layer_uses_the_entry_point_or_the_command_line(string layer)
    {
        var result = Types.InAssembly(Synth).That().ResideInNamespace(layer).ShouldNot().HaveDependencyOnAny("Infra.Cli", "Infra.Warmup", "Infra.Program").GetResult();

        Assert.True(result.IsSuccessful, $"{layer} uses the entry point: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Component_folders_use_only_the_folders_below_them()
    {
        for (var i = 0; i < ComponentLayers.Length; i++)
        {
            var above = ComponentLayers.Skip(i + 1).SelectMany(group => group).ToArray();
            foreach (var folder in ComponentLayers[i])
            {
                var siblings = ComponentLayers[i].Where(other => other != folder);
                var forbidden = above.Concat(siblings).ToArray();
                if (forbidden.Length == 0)
                {
                    continue;
                }
                var result = Types.InAssembly(Synth).That().ResideInNamespace(folder).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
                Assert.True(result.IsSuccessful, $"{folder} uses {string.Join(" or ", forbidden)}: {string.Join(", ", result.FailingTypeNames ?? [])}");
            }
        }
    }

    /// <summary>A namespace names its folder, so a type's file is found from its namespace.</summary>
    [Fact]
    public void Namespaces_follow_folders()
    {
        var root = TestSupport.RepoRoot;
        var misplaced = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path))
            .Where(path => Layers.Any(layer => path.StartsWith(layer["Infra.".Length..] + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => (path, expected: "Infra." + Path.GetDirectoryName(path)!.Replace(Path.DirectorySeparatorChar, '.'),
                actual: File.ReadLines(Path.Combine(root, path)).FirstOrDefault(line => line.StartsWith("namespace ", StringComparison.Ordinal))?["namespace ".Length..].TrimEnd(';')))
            .Where(file => file.actual != file.expected)
            .Select(file => $"{file.path}: {file.actual} (expected {file.expected})")
            .ToList();

        Assert.Empty(misplaced);
    }
}
