using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace Multicloud.Tracing;

/// <summary>
/// The checked settings the kit runs with: options first, then the standard variables. A class rather than a
/// record so that no generated ToString can print the export headers, which hold the ingress token.
/// </summary>
internal sealed partial class TracingSettings
{
    public required string ServiceName { get; init; }
    public required string ServiceVersion { get; init; }
    public required string DeploymentEnvironment { get; init; }
    public required string CloudProvider { get; init; }
    public required string CloudRegion { get; init; }
    public required OtlpExportProtocol Protocol { get; init; }
    public required Uri ExportUrl { get; init; }
    public required string ExportHeaders { get; init; }
    public required bool XRayCompatibleTraceIds { get; init; }
    public required bool ParentBasedSampling { get; init; }

    /// <summary>Resolves every setting, throwing <see cref="MulticloudTracingConfigurationException"/> at the first bad one.</summary>
    public static TracingSettings Resolve(MulticloudTracingOptions options, IConfiguration configuration, string? entryAssemblyVersion)
    {
        var resource = ResourceAttributesVariable.Parse(configuration[SettingNames.ResourceAttributes]);

        var serviceName = Required(
            "service.name",
            $"{Option(nameof(options.ServiceName))}, {SettingNames.ServiceName} or service.name in {SettingNames.ResourceAttributes}",
            (options.ServiceName, Option(nameof(options.ServiceName))),
            (configuration[SettingNames.ServiceName], SettingNames.ServiceName),
            (resource["service.name"], SettingNames.ResourceAttribute("service.name")));
        var serviceVersion = Required(
            "service.version",
            $"{Option(nameof(options.ServiceVersion))} or service.version in {SettingNames.ResourceAttributes}",
            (options.ServiceVersion, Option(nameof(options.ServiceVersion))),
            (resource["service.version"], SettingNames.ResourceAttribute("service.version")),
            (entryAssemblyVersion, "the entry assembly's version"));
        var environment = Required(
            "deployment.environment",
            $"{Option(nameof(options.DeploymentEnvironment))} or deployment.environment.name in {SettingNames.ResourceAttributes} (for example dev or prod)",
            (options.DeploymentEnvironment, Option(nameof(options.DeploymentEnvironment))),
            (resource["deployment.environment.name"], SettingNames.ResourceAttribute("deployment.environment.name")),
            (resource["deployment.environment"], SettingNames.ResourceAttribute("deployment.environment")));

        var (provider, providerSource) = Setting.First(
            (options.CloudProvider, Option(nameof(options.CloudProvider))),
            (resource["cloud.provider"], SettingNames.ResourceAttribute("cloud.provider")));
        if (provider is null)
        {
            throw new MulticloudTracingConfigurationException(
                $"cloud.provider is not set: set {Option(nameof(options.CloudProvider))} or cloud.provider in {SettingNames.ResourceAttributes} to aws or azure.");
        }

        if (provider is not ("aws" or "azure"))
        {
            throw new MulticloudTracingConfigurationException($"{providerSource} is '{provider}': cloud.provider must be aws or azure.");
        }

        var platformRegion = provider == "aws" ? SettingNames.AwsRegion : SettingNames.AzureRegion;
        var (region, regionSource) = Setting.First(
            (options.CloudRegion, Option(nameof(options.CloudRegion))),
            (resource["cloud.region"], SettingNames.ResourceAttribute("cloud.region")),
            (configuration[platformRegion], platformRegion));
        if (region is null)
        {
            throw new MulticloudTracingConfigurationException(
                $"cloud.region is not set: set {Option(nameof(options.CloudRegion))}, cloud.region in {SettingNames.ResourceAttributes} or {platformRegion}.");
        }

        if (!RegionCode().IsMatch(region))
        {
            throw new MulticloudTracingConfigurationException(
                $"{regionSource} is '{region}': cloud.region must be a region code such as eu-west-1 or westeurope (lower-case letters, digits and hyphens).");
        }

        var protocol = ExportEndpoint.ResolveProtocol(options.Protocol, configuration[SettingNames.Protocol]);
        return new TracingSettings
        {
            ServiceName = serviceName,
            ServiceVersion = serviceVersion,
            DeploymentEnvironment = environment,
            CloudProvider = provider,
            CloudRegion = region,
            Protocol = protocol,
            ExportUrl = ExportEndpoint.Resolve(options.Endpoint, configuration[SettingNames.Endpoint], protocol),
            ExportHeaders = Multicloud.Tracing.ExportHeaders.Resolve(options.IngressToken, configuration[SettingNames.Headers]),
            XRayCompatibleTraceIds = options.XRayCompatibleTraceIds,
            ParentBasedSampling = Sampling.ResolveParentBased(options.ParentBasedSampling, configuration[SettingNames.TracesSampler]),
        };
    }

    private static string Required(string attribute, string whereToSet, params (string? Value, string Source)[] candidates) =>
        Setting.First(candidates).Value?.Trim() ??
        throw new MulticloudTracingConfigurationException($"{attribute} is not set: set {whereToSet}.");

    private static string Option(string property) => SettingNames.Option(property);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex RegionCode();
}
