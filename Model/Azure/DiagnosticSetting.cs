namespace Infra.Model.Azure;

/// <summary><c>azure-native:monitor:DiagnosticSetting</c>: sends a resource's logs (for a Key Vault, <c>AuditEvent</c>) to a Log Analytics workspace.</summary>
public sealed class DiagnosticSetting(string name, DiagnosticSettingArgs args, ResourceOptions? options = null)
    : Resource(name, args, options)
{
    public override string Type => "azure-native:monitor:DiagnosticSetting";
}

public sealed record DiagnosticSettingArgs
{
    /// <summary>The ARM id of the resource whose logs are sent.</summary>
    public required Input<string> ResourceUri { get; init; }

    public required string Name { get; init; }

    public required Input<string> WorkspaceId { get; init; }

    /// <summary>Dedicated: one table per category (AZKVAuditLogs) rather than AzureDiagnostics.</summary>
    public string? LogAnalyticsDestinationType { get; init; }

    public required IReadOnlyList<DiagnosticLogSettings> Logs { get; init; }
}

public sealed record DiagnosticLogSettings(string Category, bool Enabled);
