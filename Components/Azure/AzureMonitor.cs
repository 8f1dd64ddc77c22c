using Infra.Model;
using Infra.Model.Azure;
using Infra.Model.Random;

namespace Infra.Components.Azure;

public sealed record AzureMonitorArgs(string NamePrefix, string Location, int RetentionInDays, bool Protect, IReadOnlyDictionary<string, string> Tags);

/// <summary>
/// The Azure half of the pipeline: a resource group, a Log Analytics workspace and a
/// workspace-based Application Insights component whose connection string is a secret output.
/// </summary>
public sealed class AzureMonitor
{
    public const string ComponentName = "azure-monitor";

    public AzureMonitor(PulumiProgram program, AzureMonitorArgs args)
    {
        // Workspace and component names are visible in the portal and URLs; a stable random suffix keeps them unique.
        var suffix = program.Add(ComponentName, new RandomString("azure-name-suffix", new RandomStringArgs
        {
            Length = 6,
            Special = false,
            Upper = false,
        }));
        NameSuffix = suffix.Result;

        ResourceGroup = program.Add(ComponentName, new ResourceGroup("resource-group", new ResourceGroupArgs
        {
            ResourceGroupName = Interpolation.Of($"rg-{args.NamePrefix}-", suffix.Result),
            Location = args.Location,
            Tags = args.Tags,
        }));

        var dataProtection = new ResourceOptions { Protect = args.Protect };

        Workspace = program.Add(ComponentName, new Workspace("log-analytics-workspace", new WorkspaceArgs
        {
            ResourceGroupName = ResourceGroup.ResourceGroupName,
            WorkspaceName = Interpolation.Of($"log-{args.NamePrefix}-", suffix.Result),
            Location = args.Location,
            Sku = new WorkspaceSkuArgs { Name = "PerGB2018" },
            RetentionInDays = args.RetentionInDays,
            Tags = args.Tags,
        }, dataProtection));

        ApplicationInsights = program.Add(ComponentName, new ApplicationInsightsComponent("application-insights", new ApplicationInsightsComponentArgs
        {
            ResourceGroupName = ResourceGroup.ResourceGroupName,
            ResourceName = Interpolation.Of($"appi-{args.NamePrefix}-", suffix.Result),
            Location = args.Location,
            Kind = "web",
            ApplicationType = "web",
            WorkspaceResourceId = Workspace.Id,
            IngestionMode = "LogAnalytics",
            DisableLocalAuth = false,
            Tags = args.Tags,
        }, dataProtection));
    }

    public ResourceGroup ResourceGroup { get; }

    /// <summary>The stable random suffix of this stack's globally named Azure resources.</summary>
    public Output<string> NameSuffix { get; }

    public Workspace Workspace { get; }

    public ApplicationInsightsComponent ApplicationInsights { get; }

    /// <summary>Secret: it is an ingestion credential.</summary>
    public Output<string> ConnectionString => ApplicationInsights.ConnectionString;
}
