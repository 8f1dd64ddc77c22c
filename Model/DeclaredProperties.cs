using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Infra.Model;

/// <summary>
/// A type's public instance properties in declaration order, base type first, for the walk that
/// turns typed records into trees (<see cref="Node"/>). The same order under the JIT runtime and a
/// native AOT build, where metadata tokens are not available: within a type the runtime lists
/// properties as declared.
/// </summary>
public static class DeclaredProperties
{
    // The Infra assembly is rooted when published native AOT (Infra.csproj), so no property is trimmed.
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Infra.csproj roots this assembly for native AOT.")]
    public static IEnumerable<PropertyInfo> Of(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetIndexParameters().Length == 0)
            .Select((property, index) => (property, index))
            .OrderBy(entry => Depth(entry.property.DeclaringType))
            .ThenBy(entry => entry.index)
            .Select(entry => entry.property);

    private static int Depth(Type? type)
    {
        var depth = 0;
        for (var current = type; current is not null; current = current.BaseType)
        {
            depth++;
        }
        return depth;
    }
}
