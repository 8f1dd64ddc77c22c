namespace SynthLauncher;

/// <summary>A problem the user can fix: printed as one line on stderr, no stack trace, exit code 1.</summary>
internal sealed class UserError(string message) : Exception(message);
