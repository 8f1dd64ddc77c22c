namespace Infra.Collector.Components.Exporters;

/// <summary>
/// azure_monitor exporter. Type: ecosystem-explorer registry contrib/v0.159.0/exporter.yaml
/// (<c>type: azure_monitor</c>, <c>deprecated_type: azuremonitor</c>). Keys: contrib
/// exporter/azuremonitorexporter/config.schema.yaml (contrib main as stored): queues
/// (sending_queue), no retry_on_failure.
/// </summary>
public static class AzureMonitor
{
    public const string Type = "azure_monitor";

    public const string DeprecatedAlias = "azuremonitor";

    /// <summary>
    /// Where the exporter reads its connection string when the config has none (it wins over the
    /// config key); ECS fills it from the SecureString parameter, so the config never holds it.
    /// </summary>
    public const string ConnectionStringVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static readonly ComponentType Descriptor = new()
    {
        Kind = ComponentKind.Exporter,
        Type = Type,
        DeprecatedAlias = DeprecatedAlias,
        Record = typeof(AzureMonitorExporter),
        AcceptedKeys = ComponentType.Keys([.. ConfigHttp.ClientKeys, "sending_queue", "connection_string", "instrumentation_key", "maxbatchsize", "maxbatchinterval", "spaneventsenabled", "shutdown_timeout", "custom_events_enabled", "exception_events_enabled"]),
    };
}

/// <summary>azure_monitor exporter. No <c>connection_string</c> key: see <see cref="AzureMonitor.ConnectionStringVariable"/>.</summary>
public sealed record AzureMonitorExporter(
    SendingQueue SendingQueue,
    string ShutdownTimeout);
