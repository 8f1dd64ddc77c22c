namespace Infra.Model;

/// <summary>
/// What the preview role must be allowed for each provider function the program invokes: invokes
/// with constant arguments run for real during <c>pulumi preview</c>. An invoke missing here fails
/// synthesis, so the README's list (held to this table by a test) cannot fall behind.
/// </summary>
public static class InvokeReadPermissions
{
    public sealed record Entry(IReadOnlyList<string> Actions, string Source)
    {
        /// <summary>The README's permissions cell: each action in backticks, or "none".</summary>
        public string PermissionsCell => Actions.Count == 0 ? "none" : string.Join(", ", Actions.Select(action => $"`{action}`"));
    }

    public static readonly IReadOnlyDictionary<string, Entry> ByFunction = new SortedList<string, Entry>(StringComparer.Ordinal)
    {
        ["aws:getCallerIdentity"] = new(
            [],
            "terraform-provider-aws internal/service/sts/caller_identity_data_source.go: sts:GetCallerIdentity, which needs no permission"),
        ["aws:getPartition"] = new(
            [],
            "terraform-provider-aws internal/service/meta/partition_data_source.go: read from the provider's own configuration, no API call"),
        ["azure-native:authorization:getClientConfig"] = new(
            [],
            "pulumi-azure-native provider/pkg/provider/auth_getclientconfig.go: tenant and object id from the claims of the provider's own token (Microsoft Graph only if it lacks an oid claim), subscription from its config; no ARM call, so no Azure role"),
    };

    public static Entry For(string function) =>
        ByFunction.TryGetValue(function, out var entry)
            ? entry
            : throw new InvalidOperationException($"The program invokes {function}, whose read permissions for the preview role are not listed in {nameof(InvokeReadPermissions)}: add them (and the README row follows).");
}
