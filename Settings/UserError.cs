namespace Infra.Settings;

/// <summary>A mistake the user can fix (stack, config, input); printed without a stack trace, exit code 2.</summary>
public sealed class UserError(string message) : Exception(message);
