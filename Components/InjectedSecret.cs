using Infra.Model.Aws;

namespace Infra.Components;

/// <summary>
/// An SSM parameter ECS injects into a collector container as an environment variable: how a component that owns a
/// credential hands it to the tiers that need it. The variable's name is the one the reading collector component defines.
/// </summary>
public sealed record InjectedSecret(string Variable, SsmParameter Parameter);
