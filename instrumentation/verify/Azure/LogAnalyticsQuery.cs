using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Core;

namespace Multicloud.Verify.Azure;

/// <summary>
/// Queries the workspace behind Application Insights through the Log Analytics query API with an Entra token
/// (scope <c>https://api.loganalytics.io/.default</c>): <c>POST {endpoint}/v1/workspaces/{workspace GUID}/query</c>
/// (Log Analytics REST API, "Query - Execute": body <c>{"query", "timespan"}</c>, answer
/// <c>{"tables": [{"name", "columns": [{"name", "type"}], "rows": [[...]]}]}</c>), or for a workspace given by its
/// resource ID, as the stack output <c>logAnalyticsWorkspaceId</c> is, the resource-centric form
/// <c>POST {endpoint}/v1{resource ID}/query</c> (what the Azure Monitor Query SDK's QueryResource calls). The caller
/// needs "Log Analytics Reader" on the workspace.
/// </summary>
internal sealed class LogAnalyticsQuery(HttpClient http, TokenCredential credential, Uri endpoint, string workspace)
{
    public const string Scope = "https://api.loganalytics.io/.default";

    /// <summary>The Azure built-in role the querying identity needs on the workspace.</summary>
    public const string RequiredRole = "Log Analytics Reader";

    public Uri QueryUri => workspace.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase)
        ? new Uri(endpoint, "v1" + workspace.TrimEnd('/') + "/query")
        : new Uri(endpoint, $"v1/workspaces/{Uri.EscapeDataString(workspace)}/query");

    /// <summary>The KQL for a trace's requests and dependencies: Application Insights keeps the W3C trace ID as OperationId.</summary>
    public static string Kql(string traceId) =>
        $"union withsource=TableName {AppInsightsRow.Requests}, {AppInsightsRow.Dependencies} | where OperationId == \"{traceId}\" | project TableName, Name, Id, ParentId, AppRoleName";

    public async Task<IReadOnlyList<AppInsightsRow>> FindAsync(string traceId, TimeSpan lookBack, CancellationToken cancellation)
    {
        var token = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellation);
        var body = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["query"] = Kql(traceId),
            ["timespan"] = System.Xml.XmlConvert.ToString(lookBack),
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, QueryUri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellation);
        }
        catch (HttpRequestException error)
        {
            throw new LogAnalyticsCallException(0, "Unreachable", $"{endpoint.Host} did not answer ({error.Message})");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellation);
            if (!response.IsSuccessStatusCode)
            {
                throw new LogAnalyticsCallException((int)response.StatusCode, ErrorCode(text) ?? response.StatusCode.ToString(), text.Length > 300 ? text[..300] : text);
            }

            using var json = JsonDocument.Parse(text);
            return Rows(json.RootElement);
        }
    }

    private static List<AppInsightsRow> Rows(JsonElement root)
    {
        var rows = new List<AppInsightsRow>();
        if (!root.TryGetProperty("tables", out var tables) || tables.GetArrayLength() == 0)
        {
            return rows;
        }

        var table = tables[0];
        var columns = table.GetProperty("columns").EnumerateArray().Select((c, i) => (Name: c.GetProperty("name").GetString()!, Index: i)).ToDictionary(c => c.Name, c => c.Index);
        foreach (var row in table.GetProperty("rows").EnumerateArray())
        {
            string? Cell(string column) => columns.TryGetValue(column, out var i) && row[i].ValueKind == JsonValueKind.String ? row[i].GetString() : null;
            if (Cell("TableName") is { } name)
            {
                rows.Add(new AppInsightsRow(name, Cell("Name") ?? "", Cell("Id"), Cell("ParentId"), Cell("AppRoleName")));
            }
        }

        return rows;
    }

    private static string? ErrorCode(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
