using Infra.Collector;
using Infra.Model;
using Infra.Model.Aws;

namespace Infra.Components.Runtime;

/// <summary>
/// A liveness signal for tasks no load balancer checks (the samplers). The contrib image is built FROM scratch, with
/// no shell or HTTP client for an ECS container health check (contrib #37635); a sidecar of the utility image shares
/// the task's network namespace (awsvpc) and asks the collector's health_check endpoint on localhost instead. It is
/// essential, so when its check fails ECS marks the task unhealthy, replaces it, and reports it unhealthy to Cloud Map,
/// which stops listing it to the routers. It catches a collector that no longer answers (hung, deadlocked, out of
/// memory); health_check v1 answers 200 once the pipelines started, so a collector that answers but exports nothing is
/// the deployment alarms' job, not this check's.
/// </summary>
public static class Liveness
{
    public const string ContainerName = "collector-liveness";

    public static ContainerDefinition Sidecar(Output<string> utilityImage, LogConfiguration logs) => new()
    {
        Name = ContainerName,
        Image = utilityImage,
        Essential = true,
        // Stays up doing nothing; the health check below is the work.
        Command = ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 3600 & wait $!; done"],
        HealthCheck = new ContainerHealthCheck(
            ["CMD-SHELL", $"wget -q -T 4 -O /dev/null http://127.0.0.1:{CollectorConfigFactory.HealthCheckPort}/ || exit 1"],
            Interval: 15, Timeout: 5, Retries: 3, StartPeriod: 60),
        LogConfiguration = logs,
        ReadonlyRootFilesystem = true,
        User = "65534",
    };
}
