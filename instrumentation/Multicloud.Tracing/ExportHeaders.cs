namespace Multicloud.Tracing;

/// <summary>
/// Builds the OTLP export headers: the collector's ingress token as <c>Authorization: Bearer</c>, from the option or
/// from <c>OTEL_EXPORTER_OTLP_HEADERS</c>, plus any other headers that variable sets. Messages never echo a value.
/// </summary>
internal static class ExportHeaders
{
    private const string Authorization = "Authorization";
    private const string BearerPrefix = "Bearer ";
    private static readonly string TokenOption = SettingNames.Option(nameof(MulticloudTracingOptions.IngressToken));
    private static readonly string TokenInVariable = $"The {Authorization} entry of {SettingNames.Headers}";

    /// <summary>
    /// The value for <c>OtlpExporterOptions.Headers</c>. That exporter percent-decodes the whole list before it splits
    /// it at commas, so a value keeps a literal percent sign as <c>%25</c> and may not hold a comma.
    /// </summary>
    public static string Resolve(string? optionToken, string? headersVariable)
    {
        var headers = new List<KeyValuePair<string, string>>();
        string? variableToken = null;
        foreach (var (name, value) in KeyValueList.Parse(headersVariable, SettingNames.Headers, "Authorization=Bearer%20<token>"))
        {
            if (!IsHeaderName(name))
            {
                throw new MulticloudTracingConfigurationException(
                    $"{SettingNames.Headers} is malformed: '{name}' is not a valid HTTP header name.");
            }

            if (headers.Any(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)) ||
                (variableToken is not null && string.Equals(name, Authorization, StringComparison.OrdinalIgnoreCase)))
            {
                throw new MulticloudTracingConfigurationException($"{SettingNames.Headers} sets the header {name} twice.");
            }

            if (string.Equals(name, Authorization, StringComparison.OrdinalIgnoreCase))
            {
                if (!value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    throw new MulticloudTracingConfigurationException(
                        $"{TokenInVariable} does not use the Bearer scheme: write Authorization=Bearer%20<token>.");
                }

                variableToken = value[BearerPrefix.Length..];
                CheckToken(variableToken, TokenInVariable);
                continue;
            }

            if (value.Any(c => c == ',' || char.IsControl(c)))
            {
                throw new MulticloudTracingConfigurationException(
                    $"{SettingNames.Headers} is malformed: the value of header {name} holds a comma or a control character, which the OTLP exporter cannot send.");
            }

            headers.Add(new(name, value));
        }

        var token = ChooseToken(optionToken, variableToken);
        headers.Insert(0, new(Authorization, BearerPrefix + token));
        return string.Join(',', headers.Select(h => $"{h.Key}={h.Value.Replace("%", "%25", StringComparison.Ordinal)}"));
    }

    private static string ChooseToken(string? optionToken, string? variableToken)
    {
        var fromOption = string.IsNullOrEmpty(optionToken) ? null : optionToken;
        if (fromOption is not null && variableToken is not null)
        {
            throw new MulticloudTracingConfigurationException(
                $"The ingress token is set twice, in {TokenOption} and in {SettingNames.Headers}: keep one.");
        }

        if (fromOption is not null)
        {
            CheckToken(fromOption, TokenOption);
            return fromOption;
        }

        return variableToken ?? throw new MulticloudTracingConfigurationException(
            $"The collector's ingress token is not set: set {TokenOption}, or {SettingNames.Headers}=Authorization=Bearer%20<token>.");
    }

    private static void CheckToken(string token, string source)
    {
        if (token.Length == 0 || token.Any(c => c == ',' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new MulticloudTracingConfigurationException(
                $"{source} is malformed: the ingress token must be the token alone, without 'Bearer ', spaces, commas or control characters.");
        }
    }

    // RFC 9110 token characters.
    private static bool IsHeaderName(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c));
}
