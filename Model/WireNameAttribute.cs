namespace Infra.Model;

/// <summary>The exact key on the wire when the convention's case rule applied to the C# name is not it.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WireNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
