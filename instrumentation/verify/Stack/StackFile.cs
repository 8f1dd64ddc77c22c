using Multicloud.Verify.Cli;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Multicloud.Verify.Stack;

/// <summary>The few keys of <c>Pulumi.&lt;stack&gt;.yaml</c> verify reads: the X-Ray export mode, the regions and the topology.</summary>
internal sealed record StackFile(string? XRayExport, string? AwsRegion, string? AzureLocation, string? Topology)
{
    public const string XRayExportKey = "otel-multicloud:xrayExport";
    public const string AwsRegionKey = "aws:region";
    public const string AzureLocationKey = "azure-native:location";
    public const string TopologyKey = "otel-multicloud:topology";

    public static readonly StackFile None = new(null, null, null, null);

    /// <summary>The stack file given, or <c>Pulumi.&lt;stack&gt;.yaml</c> in <paramref name="directory"/> when present.</summary>
    public static StackFile Read(FileInfo? given, string stack, string directory)
    {
        var path = given?.FullName ?? Path.Combine(directory, $"Pulumi.{stack}.yaml");
        if (!File.Exists(path))
        {
            return given is null ? None : throw new UsageException($"--stack-file {given}: no such file.");
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlException error)
        {
            throw new UsageException($"{path} is not YAML: {error.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new UsageException($"{path} is not a stack file: expected a mapping with a config: section.");
        }

        var config = root.Children.TryGetValue(new YamlScalarNode("config"), out var node) ? node as YamlMappingNode : null;
        string? Value(string key) =>
            config is not null && config.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;
        return new StackFile(Value(XRayExportKey), Value(AwsRegionKey), Value(AzureLocationKey), Value(TopologyKey));
    }
}
