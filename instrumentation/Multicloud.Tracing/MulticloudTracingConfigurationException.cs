namespace Multicloud.Tracing;

/// <summary>
/// Thrown when the host starts and a tracing setting is missing or malformed. The message names the setting and
/// says how to fix it; it never contains the ingress token.
/// </summary>
public sealed class MulticloudTracingConfigurationException : Exception
{
    /// <summary>Creates the exception with the message that names the setting.</summary>
    /// <param name="message">What is wrong, naming the setting, and how to fix it.</param>
    public MulticloudTracingConfigurationException(string message)
        : base(message)
    {
    }
}
