namespace Multicloud.Verify.Cli;

/// <summary>Bad input from the person or the runner (an option, the outputs, the stack file): one line on stderr, exit 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
