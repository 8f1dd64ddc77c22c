using Infra.Collector.Components.Extensions;
using Infra.Model;
using Infra.Model.Aws;

namespace Infra.Components.Runtime;

/// <summary>
/// The exporters' persistent queues on the task's ephemeral storage. A Fargate bind mount is owned by root and the
/// collector runs as its image's non-root user with a read-only root file system, so it cannot write there
/// (aws/containers-roadmap #938); a short-lived container of the utility image, run as root, gives the directory to
/// the collector's user and exits, and the collector starts only after it succeeded. The volume lives as long as the
/// task: a replaced task starts with empty queues.
/// </summary>
public sealed record QueueVolume(ContainerDefinition Preparer, MountPoint Mount)
{
    public const string Name = "exporter-queues";

    public const string PreparerName = "prepare-queue-directory";

    public static QueueVolume For(Output<string> utilityImage, LogConfiguration logs) => new(
        new ContainerDefinition
        {
            Name = PreparerName,
            Image = utilityImage,
            Essential = false,
            Command = ["sh", "-c", $"chown {CollectorTier.CollectorUser}:{CollectorTier.CollectorUser} {FileStorage.DefaultDirectory} && chmod 700 {FileStorage.DefaultDirectory}"],
            MountPoints = [new MountPoint(Name, FileStorage.DefaultDirectory, ReadOnly: false)],
            LogConfiguration = logs,
            ReadonlyRootFilesystem = true,
            User = "0",
        },
        new MountPoint(Name, FileStorage.DefaultDirectory, ReadOnly: false));
}
