using Infra.Collector.Components.Connectors;
using Infra.Collector.Components.Processors;

namespace Infra.Collector;

/// <summary>Where a copied attribute value comes from: another attribute, or the path of a URL attribute.</summary>
public abstract record AttributeSource
{
    public abstract string Ottl { get; }

    public abstract object? Read(IReadOnlyDictionary<string, object?> attributes);
}

public sealed record FromAttribute(string Name) : AttributeSource
{
    public override string Ottl => $"attributes[\"{Name}\"]";

    public override object? Read(IReadOnlyDictionary<string, object?> attributes) => attributes.GetValueOrDefault(Name);
}

/// <summary>OTTL's <c>URL()</c> converter, indexed by <c>url.path</c>.</summary>
public sealed record PathOfUrl(string Name) : AttributeSource
{
    public override string Ottl => $"URL(attributes[\"{Name}\"])[\"url.path\"]";

    public override object? Read(IReadOnlyDictionary<string, object?> attributes) =>
        attributes.GetValueOrDefault(Name) is string url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : null;
}

/// <summary>
/// One OTTL statement <c>set(attributes[target], source) where ...</c>: fills an attribute the
/// azure_monitor exporter reads only when it is missing, for the given span kinds. The same record
/// renders the statement and applies it in tests, so what is tested is what is deployed.
/// </summary>
public sealed record SetMissingAttribute(string Target, AttributeSource Source, IReadOnlyList<string> Kinds, IReadOnlyList<string> OnlyWithout)
{
    public string Ottl
    {
        get
        {
            var conditions = new List<string>();
            if (Kinds.Count > 0)
            {
                var kinds = string.Join(" or ", Kinds.Select(kind => $"kind == {kind}"));
                conditions.Add(Kinds.Count > 1 ? $"({kinds})" : kinds);
            }
            conditions.Add($"attributes[\"{Target}\"] == nil");
            conditions.AddRange(OnlyWithout.Select(name => $"attributes[\"{name}\"] == nil"));
            if (Source is PathOfUrl url)
            {
                // URL() of a missing attribute is an error; ask for it first.
                conditions.Add($"attributes[\"{url.Name}\"] != nil");
            }
            return $"set(attributes[\"{Target}\"], {Source.Ottl}) where {string.Join(" and ", conditions)}";
        }
    }

    /// <summary>What the statement does to one span's attributes (OTTL's set does nothing for a nil value).</summary>
    public void Apply(IDictionary<string, object?> attributes, string kind)
    {
        if ((Kinds.Count > 0 && !Kinds.Contains(kind)) || attributes.ContainsKey(Target) || OnlyWithout.Any(attributes.ContainsKey))
        {
            return;
        }
        if (Source.Read(new Dictionary<string, object?>(attributes)) is { } value)
        {
            attributes[Target] = value;
        }
    }
}

/// <summary>
/// The Azure-bound transform. The contrib azure_monitor exporter (exporter/azuremonitorexporter/trace_to_envelope.go, semconv v1.34
/// era; the same mapping as the pinned 0.159.0 per the open issues) reads only current semantic
/// conventions and has two gaps for current ones. Each group names its upstream issue; remove the
/// group when a pinned release fixes it.
/// </summary>
public static class AzureMapping
{
    // Qualified: Transform alone is this class's transform block.
    public const string TransformId = Components.Processors.Transform.Type + "/azure_mapping";
    public const string ConnectorId = Forward.Type + "/azure";
    public const string PipelineId = "traces/azure";

    public const string Server = "SPAN_KIND_SERVER";
    public const string Client = "SPAN_KIND_CLIENT";
    public const string Producer = "SPAN_KIND_PRODUCER";

    private static SetMissingAttribute Copy(string target, string source, params string[] kinds) => new(target, new FromAttribute(source), kinds, []);

    /// <summary>contrib #48504: since v0.139 legacy names are not read; spans of older instrumentations lose fields or their type.</summary>
    public static IReadOnlyList<SetMissingAttribute> LegacyToCurrent =>
    [
        Copy("http.request.method", "http.method"),
        Copy("http.response.status_code", "http.status_code"),
        Copy("url.full", "http.url"),
        Copy("url.scheme", "http.scheme"),
        Copy("url.path", "http.target"),
        Copy("server.address", "net.host.name", Server),
        Copy("server.port", "net.host.port", Server),
        Copy("client.address", "http.client_ip", Server),
        Copy("server.address", "net.peer.name", Client),
        Copy("server.port", "net.peer.port", Client),
        Copy("db.system.name", "db.system"),
        Copy("db.query.text", "db.statement"),
    ];

    /// <summary>contrib #48759: a dependency's target (and data without url.full) is read from client.* instead of server.*.</summary>
    public static IReadOnlyList<SetMissingAttribute> TargetFromServerSide =>
    [
        new("client.address", new FromAttribute("server.address"), [Client, Producer], ["url.full"]),
        new("client.port", new FromAttribute("server.port"), [Client, Producer], ["url.full"]),
    ];

    /// <summary>
    /// A dependency is named "METHOD http.route"; HttpClient sets no http.route, so every call would
    /// be named "GET" (the url.full path fallback, contrib PR #49448, was closed unmerged).
    /// </summary>
    public static IReadOnlyList<SetMissingAttribute> DependencyName =>
    [
        new("http.route", new PathOfUrl("url.full"), [Client], []),
    ];

    /// <summary>In order: legacy names first, so older client spans get server.* before it is copied.</summary>
    public static IReadOnlyList<SetMissingAttribute> Statements => [.. LegacyToCurrent, .. TargetFromServerSide, .. DependencyName];

    public static TransformProcessor Transform => new("ignore", [new OttlStatements("span", [.. Statements.Select(s => s.Ottl)])]);

    /// <summary>
    /// What the exporter reads to fill a request (SERVER) or an HTTP dependency (CLIENT): name, url
    /// or data, result code, success, target (trace_to_envelope.go fillRequestDataHTTP /
    /// fillRemoteDependencyDataHTTP).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ReadByExporter => new Dictionary<string, IReadOnlyList<string>>
    {
        [Server] = ["http.request.method", "http.route", "url.scheme", "server.address", "url.path", "http.response.status_code"],
        [Client] = ["http.request.method", "http.route", "url.full", "http.response.status_code"],
    };
}
