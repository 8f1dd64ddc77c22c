namespace Infra.Collector.Components.Extensions;

/// <summary>
/// file_storage extension (contrib extension/storage/filestorage, its own module). Type: ecosystem-explorer registry
/// contrib/v0.159.0/extension.yaml (no alias). Keys: the README snapshot that registry maps for v0.159.0
/// (component-readmes.yaml -> filestorage-ba6b58efb9ed.md). Exporter queues name it in <c>sending_queue.storage</c>
/// and keep their requests in a bbolt file per queue in <see cref="FileStorageExtension.Directory"/>.
/// </summary>
public static class FileStorage
{
    public const string Type = "file_storage";

    /// <summary>The extension's default directory on Linux; the task mounts its queue volume here.</summary>
    public const string DefaultDirectory = "/var/lib/otelcol/file_storage";

    public static readonly ComponentType Descriptor = new()
    {
        Kind = ComponentKind.Extension,
        Type = Type,
        Record = typeof(FileStorageExtension),
        AcceptedKeys = ComponentType.Keys(["directory", "timeout", "max_size", "fsync", "create_directory", "directory_permissions", "recreate", "compaction"]),
        Rules = Check,
    };

    /// <summary>The directory and compaction's own directory must be set: the root file system is read-only, so the default temp directory is not writable.</summary>
    private static void Check(string id, Dictionary<string, object?> settings, List<string> errors)
    {
        if (settings.GetValueOrDefault("directory") is not string { Length: > 0 })
        {
            errors.Add($"extensions::{id}: needs directory, a writable path mounted into the container");
        }
        if (ConfigTree.Map(settings, "compaction") is { Count: > 0 } compaction && compaction.GetValueOrDefault("directory") is not string { Length: > 0 })
        {
            errors.Add($"extensions::{id}: compaction needs its own directory; the default is the system temp directory, which a read-only root file system does not allow");
        }
    }
}

/// <summary>
/// Queue files in <paramref name="Directory"/>; compaction on start and on rebound gives back the space an outage took.
/// </summary>
public sealed record FileStorageExtension(
    string Directory,
    string Timeout,
    FileStorageCompaction Compaction);

public sealed record FileStorageCompaction(
    bool OnStart,
    bool OnRebound,
    string Directory);
