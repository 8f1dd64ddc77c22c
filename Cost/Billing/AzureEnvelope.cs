using System.Globalization;
using System.Text.Json;
using Infra.Collector;

namespace Infra.Cost.Billing;

/// <summary>
/// The Application Insights envelope the azure_monitor exporter sends for one span, after the collector's Azure-bound
/// transform (<see cref="AzureMapping"/>). The shape is the exporter's spanToEnvelope (open-telemetry/opentelemetry-collector-contrib
/// exporter/azuremonitorexporter/trace_to_envelope.go, read at 026442fe on 2026-12-07): a server span becomes RequestData, a
/// client span RemoteDependencyData; string attributes, every resource attribute and the scope name become properties,
/// integer attributes measurements; tags carry the operation IDs and the cloud role (service.name). Field names and
/// defaults are microsoft/ApplicationInsights-Go appinsights/contracts (envelope.go, requestdata.go,
/// remotedependencydata.go @d3d3ec70).
/// </summary>
public static class AzureEnvelope
{
    /// <summary>A placeholder instrumentation key: a GUID, as in a connection string.</summary>
    private const string InstrumentationKey = "00000000-0000-4000-8000-000000000000";

    /// <summary>The envelope's size in bytes (UTF-8).</summary>
    public static int Bytes(MeasuredSpan span) => System.Text.Encoding.UTF8.GetByteCount(Json(span));

    public static string Json(MeasuredSpan span)
    {
        var attributes = span.Attributes.ToDictionary(entry => entry.Key, entry => (object?)entry.Value, StringComparer.Ordinal);
        foreach (var statement in AzureMapping.Statements)
        {
            statement.Apply(attributes, span.Kind);
        }
        var server = span.Kind == MeasuredSpans.Server;
        var method = attributes.GetValueOrDefault("http.request.method") as string;
        var route = attributes.GetValueOrDefault("http.route") as string;
        var name = method is null ? span.Name : route is null ? method : $"{method} {route}";
        var status = attributes.GetValueOrDefault("http.response.status_code") is long code ? code.ToString(CultureInfo.InvariantCulture) : "0";
        return JsonRecord.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("ver", 1);
            writer.WriteString("name", server ? "Microsoft.ApplicationInsights.Request" : "Microsoft.ApplicationInsights.RemoteDependency");
            writer.WriteString("time", JsonRecord.Rfc3339Nano(span.StartUnixNano));
            writer.WriteNumber("sampleRate", 100);
            writer.WriteString("seq", "");
            writer.WriteString("iKey", InstrumentationKey);
            writer.WriteStartObject("tags");
            writer.WriteString("ai.operation.id", span.TraceId);
            writer.WriteString("ai.operation.parentId", span.ParentSpanId);
            if (server)
            {
                writer.WriteString("ai.operation.name", name);
            }
            writer.WriteString("ai.cloud.role", span.Resource.GetValueOrDefault("service.name", ""));
            writer.WriteEndObject();
            writer.WriteStartObject("data");
            writer.WriteString("baseType", server ? "RequestData" : "RemoteDependencyData");
            writer.WriteStartObject("baseData");
            writer.WriteNumber("ver", 2);
            writer.WriteString("id", span.SpanId);
            if (server)
            {
                writer.WriteString("source", "");
                writer.WriteString("name", name);
                writer.WriteString("duration", Duration(span.DurationNano));
                writer.WriteString("responseCode", status);
                writer.WriteBoolean("success", true);
                writer.WriteString("url", RequestUrl(attributes));
            }
            else
            {
                var url = attributes.GetValueOrDefault("url.full") as string ?? "";
                writer.WriteString("name", name);
                writer.WriteString("resultCode", status);
                writer.WriteString("duration", Duration(span.DurationNano));
                writer.WriteBoolean("success", true);
                writer.WriteString("data", url);
                writer.WriteString("target", Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority : "");
                writer.WriteString("type", "HTTP");
            }
            writer.WriteStartObject("properties");
            foreach (var (key, value) in attributes.Where(entry => entry.Value is string or bool))
            {
                writer.WriteString(key, value is bool flag ? (flag ? "true" : "false") : (string)value!);
            }
            foreach (var (key, value) in span.Resource)
            {
                writer.WriteString(key, value);
            }
            writer.WriteString("instrumentationlibrary.name", span.ScopeName);
            writer.WriteString("otel.status_code", "Unset");
            writer.WriteEndObject();
            writer.WriteStartObject("measurements");
            foreach (var (key, value) in attributes.Where(entry => entry.Value is long or double))
            {
                JsonRecord.WriteValue(writer, key, value!);
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    /// <summary>The contracts' duration, DD.HH:MM:SS.MMMMMM.</summary>
    private static string Duration(ulong nanos)
    {
        var time = TimeSpan.FromTicks((long)(nanos / 100));
        return $"{time.Days:00}.{time.Hours:00}:{time.Minutes:00}:{time.Seconds:00}.{time.Ticks % TimeSpan.TicksPerSecond / 10:000000}";
    }

    private static string RequestUrl(IReadOnlyDictionary<string, object?> attributes)
    {
        var port = attributes.GetValueOrDefault("server.port") is long number ? $":{number.ToString(CultureInfo.InvariantCulture)}" : "";
        return $"{attributes.GetValueOrDefault("url.scheme")}://{attributes.GetValueOrDefault("server.address")}{port}{attributes.GetValueOrDefault("url.path")}";
    }
}
