using Infra.Model;
using Infra.Model.Aws;

namespace Infra.Components.Runtime;

/// <summary>The ECS cluster every collector tier runs in, with Container Insights for per-service metrics.</summary>
public sealed class CollectorCluster
{
    public const string ComponentName = "collector-cluster";

    public CollectorCluster(PulumiProgram program, IReadOnlyDictionary<string, string> tags)
    {
        Cluster = program.Add(ComponentName, new EcsCluster("collector-cluster", new EcsClusterArgs
        {
            Settings = [new NameValue("containerInsights", "enabled")],
            Tags = tags,
        }));
    }

    public EcsCluster Cluster { get; }
}
