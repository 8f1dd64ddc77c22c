namespace Infra.Settings;

/// <summary>Where the image comes from, and what each source needs; production never pulls anonymously by tag unless told to.</summary>
public static class ImageRules
{
    public static void Check(StackSettings settings, string source)
    {
        string Key(Setting setting) => SettingKeys.Qualified(setting);
        var image = settings.Image;
        if (image.Source == ImageSources.DockerHub && settings.Production && !image.AllowPublicPull)
        {
            throw new UserError($"{source}: a production stack ({Key(SettingKeys.Production)} = true) would pull the collector image anonymously from Docker Hub by tag: anonymous pulls are rate-limited per source IP (all tasks behind one NAT share one), so a scale-out during an incident can fail to start tasks, and a tag can be re-pushed. Set {Key(SettingKeys.ImageSource)} to {ImageSources.PullThroughCache} (with {Key(SettingKeys.ImagePullCredentialArn)}) or {ImageSources.Registry} (with {Key(SettingKeys.ImageRepository)}), or accept the risk with {Key(SettingKeys.AllowPublicImagePull)}: true.");
        }
        if (image.Source == ImageSources.PullThroughCache && image.PullCredentialArn is null)
        {
            throw new UserError($"{source}: {Key(SettingKeys.ImageSource)} = {ImageSources.PullThroughCache} needs {Key(SettingKeys.ImagePullCredentialArn)}: ECR's pull-through cache for Docker Hub authenticates upstream with a Secrets Manager secret named ecr-pullthroughcache/... holding a Docker Hub user name and access token.");
        }
        if (image.Source == ImageSources.Registry && image.Repository is null)
        {
            throw new UserError($"{source}: {Key(SettingKeys.ImageSource)} = {ImageSources.Registry} needs {Key(SettingKeys.ImageRepository)}, the ECR repository URI holding a copy of the collector image (push otel/opentelemetry-collector-contrib there first).");
        }
        if (image.Repository is not null && image.Source != ImageSources.Registry)
        {
            throw new UserError($"{source}: {Key(SettingKeys.ImageRepository)} is set but {Key(SettingKeys.ImageSource)} is {image.Source}: set {Key(SettingKeys.ImageSource)} to {ImageSources.Registry}, or remove {Key(SettingKeys.ImageRepository)}.");
        }
        if (image.PullCredentialArn is not null && image.Source != ImageSources.PullThroughCache)
        {
            throw new UserError($"{source}: {Key(SettingKeys.ImagePullCredentialArn)} is set but {Key(SettingKeys.ImageSource)} is {image.Source}: set {Key(SettingKeys.ImageSource)} to {ImageSources.PullThroughCache}, or remove {Key(SettingKeys.ImagePullCredentialArn)}.");
        }
    }
}
