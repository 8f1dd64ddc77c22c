namespace Infra.Tests.Evaluation;

/// <summary>What the engine asks of the cloud: register a resource, get its outputs back. Mocked with Moq.</summary>
public interface IResourceMonitor
{
    IReadOnlyDictionary<string, object?> RegisterResource(ResourceRegistration registration);

    /// <summary>A provider function call (<c>fn::invoke</c>): the function token and resolved arguments.</summary>
    IReadOnlyDictionary<string, object?> Invoke(string function, IReadOnlyDictionary<string, object?> arguments);
}

public sealed record ResourceRegistration(string Type, string Name, IReadOnlyDictionary<string, object?> Inputs);

/// <summary>A value the engine treats as secret.</summary>
public sealed record Secret(object? Value);

/// <summary>A resource after registration: its resolved inputs and its full state (inputs plus outputs).</summary>
public sealed record RegisteredResource(string Type, string Name, IReadOnlyDictionary<string, object?> Inputs, IReadOnlyDictionary<string, object?> State);

public sealed class EvaluationException(string message) : Exception(message);
