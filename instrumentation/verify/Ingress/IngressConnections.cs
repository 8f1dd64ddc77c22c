using System.Net.Sockets;

namespace Multicloud.Verify.Ingress;

/// <summary>
/// The HTTP handler for every request to the ingress (the probes and the canary's export). With <c>--connect-to</c>
/// each connection opens to that host:port instead (an SSM port-forwarding tunnel), while the URL, Host header and
/// TLS server name stay the endpoint's own, so the certificate still matches.
/// </summary>
internal static class IngressConnections
{
    public static SocketsHttpHandler Handler(string? connectTo)
    {
        var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10), PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
        if (connectTo is not null)
        {
            var colon = connectTo.LastIndexOf(':');
            var (host, port) = (connectTo[..colon].Trim('[', ']'), int.Parse(connectTo[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
            handler.ConnectCallback = async (_, cancellation) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(host, port, cancellation);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        return handler;
    }

    /// <summary>OTLP/HTTP's traces path under the base URL, as the OpenTelemetry specification appends it.</summary>
    public static Uri TracesUrl(Uri endpoint)
    {
        var path = endpoint.AbsolutePath.EndsWith('/') ? endpoint.AbsolutePath : endpoint.AbsolutePath + "/";
        return new UriBuilder(endpoint) { Path = path + "v1/traces" }.Uri;
    }
}
