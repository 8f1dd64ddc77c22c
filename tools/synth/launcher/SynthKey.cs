using System.Text;

namespace SynthLauncher;

/// <summary>
/// Names the build the sources call for: a SHA-256 of the contents of every file that went into the
/// latest build (the list SynthInputs.targets wrote), the names of every source file in the tree (a new
/// file may join the build) and the launcher's own sources (they decide how the synth is built).
/// Contents, not timestamps: an edit that keeps its old timestamp still changes the key.
/// </summary>
internal static class SynthKey
{
    private static readonly string[] SourceExtensions = [".cs", ".csproj", ".props", ".targets", ".resx"];

    public static string Compute(Checkout checkout, string launcherDigest)
    {
        var text = new StringBuilder();
        text.Append("launcher ").Append(launcherDigest).Append('\n');
        text.Append("targets ").Append(Sha256Text.OfFile(checkout.InputsTargets)).Append('\n');
        foreach (var name in SourceTree.Files(checkout.Root, SourceExtensions))
        {
            text.Append("name ").Append(name).Append('\n');
        }
        if (File.Exists(checkout.InputList))
        {
            foreach (var input in File.ReadAllLines(checkout.InputList).Where(line => line.Length > 0))
            {
                text.Append("input ").Append(File.Exists(input) ? Sha256Text.OfFile(input) : "gone").Append(' ').Append(input).Append('\n');
            }
        }
        else
        {
            text.Append("no build yet\n");
        }
        return Sha256Text.Of(text.ToString())[..32];
    }
}
