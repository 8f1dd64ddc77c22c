namespace Multicloud.Tracing;

/// <summary>The attributes of <c>OTEL_RESOURCE_ATTRIBUTES</c> that the kit falls back on.</summary>
internal sealed class ResourceAttributesVariable
{
    private readonly Dictionary<string, string> attributes;

    private ResourceAttributesVariable(Dictionary<string, string> attributes) => this.attributes = attributes;

    public static ResourceAttributesVariable Parse(string? text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in KeyValueList.Parse(text, SettingNames.ResourceAttributes, "deployment.environment.name=prod,cloud.region=eu-west-1"))
        {
            attributes[key] = value;
        }

        return new(attributes);
    }

    public string? this[string key] => this.attributes.TryGetValue(key, out var value) ? value : null;
}
