using System.Xml.Linq;

namespace Infra.Tests;

/// <summary>The README's test command runs the solution: a project left out of it would be neither built nor tested by CI.</summary>
public class SolutionTests
{
    [Fact]
    public void The_solution_holds_every_project_in_the_repository()
    {
        var listed = XDocument.Load(Path.Combine(TestSupport.RepoRoot, "otel-multicloud.slnx"))
            .Descendants("Project").Select(p => (string)p.Attribute("Path")!).Order().ToList();
        var onDisk = Directory.EnumerateFiles(TestSupport.RepoRoot, "*.csproj", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(TestSupport.RepoRoot, path).Replace('\\', '/'))
            .Where(path => !path.Split('/').Any(part => part is "bin" or "obj" or "node_modules"))
            .Order().ToList();

        Assert.Equal(onDisk, listed);
    }
}
