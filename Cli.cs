using System.CommandLine;
using Infra.Model;
using Infra.Plan;
using Infra.Settings;
using Infra.Stacks;
using Infra.Stacks.Packaging;

namespace Infra;

/// <summary>The command line: <c>synth</c> for the engine, <c>plan</c> for a person. User errors exit 2.</summary>
public static class Cli
{
    public const int UserErrorExitCode = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> getEnvironment, string projectDirectory)
    {
        // The engine's own call, which has no options, skips building the parser: a tenth of the synth's start-up.
        if (args is ["synth"])
        {
            return Guarded(stderr, () => Synth(new SynthContext(null, getEnvironment, projectDirectory), outFile: null, flat: false, stdout));
        }
        var stackOption = new Option<string?>("--stack") { Description = "Stack name. synth without it and without PULUMI_CONFIG prints the plugin manifest (the engine's discovery call); with PULUMI_CONFIG the stack is PULUMI_STACK. Config comes from PULUMI_CONFIG for the engine's stack, else from Pulumi.<stack>.yaml." };
        var outOption = new Option<FileInfo?>("--out") { Description = "Write the program to this file instead of stdout." };

        var flatOption = new Option<bool>("--flat") { Description = "Write every resource at the top level instead of as instances of the components in " + ComponentPackage.Folder + "/ (for comparison and scripts; the engine runs the component program)." };
        var synth = new Command("synth", "Write the Pulumi YAML program for a stack (the YAML runtime's compiler command).") { stackOption, outOption, flatOption };
        synth.SetAction(parsed => Guarded(stderr, () =>
            Synth(new SynthContext(parsed.GetValue(stackOption), getEnvironment, projectDirectory), parsed.GetValue(outOption), parsed.GetValue(flatOption), stdout)));

        var packageOutOption = new Option<DirectoryInfo>("--out") { Description = "The folder to write the package to.", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(projectDirectory, ComponentPackage.Folder)) };
        var components = new Command("components", $"Regenerate the Pulumi YAML component package ({ComponentPackage.Folder}/) from the components as every known stack builds them.") { packageOutOption };
        components.SetAction(parsed => Guarded(stderr, () =>
        {
            ProjectPackage.Generate(projectDirectory, out var renames).Write(parsed.GetValue(packageOutOption)!.FullName);
            foreach (var rename in renames)
            {
                // Not an error: the change may be meant. But the next deployment of that stack replaces the component's children.
                stderr.WriteLine($"warning: stack '{rename.Stack}': component '{rename.Component}' changes type from {rename.From} to {rename.To}; " +
                    "its children get new URNs, so the next 'pulumi up' replaces them unless they are aliased (README, Components).");
            }
        }));

        var formatOption = new Option<string>("--format") { Description = "text (default): resources with their inputs; markdown: a summary for a pull request.", DefaultValueFactory = _ => PlanFormats.Text };
        formatOption.AcceptOnlyFromAmong(PlanFormats.Text, PlanFormats.Markdown);
        var plan = new Command("plan", "Show, offline, what a stack would create (resources by component, secrets masked) and what it can hold and costs per month.") { stackOption, formatOption };
        plan.SetAction(parsed => Guarded(stderr, () =>
        {
            var (settings, stack) = Synthesizer.BuildNamedStack(new SynthContext(parsed.GetValue(stackOption), getEnvironment, projectDirectory));
            var componentTypes = ComponentTypes.Of(stack.Program, ComponentPackage.Read(projectDirectory));
            stdout.Write(StackPlan.Render(settings, stack.Program, stack.Inventory, componentTypes, parsed.GetValue(formatOption)!));
        }));

        var root = new RootCommand("Synthesizes the multicloud observability pipeline as a Pulumi YAML program.") { synth, plan, components };
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            // A mistyped command line is a user error too: say what was wrong on stderr, keep stdout empty.
            foreach (var parseError in result.Errors)
            {
                stderr.WriteLine($"error: {parseError.Message}");
            }
            stderr.WriteLine("Run with --help for usage.");
            return UserErrorExitCode;
        }
        return result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static void Synth(SynthContext context, FileInfo? outFile, bool flat, TextWriter stdout)
    {
        var (stack, program) = Synthesizer.Build(context);
        // The plugin manifest has no components to lift.
        var yaml = stack is null || flat
            ? ProgramWriter.ToYaml(program)
            : ProgramWriter.Serialize(ComponentProgram.ToTree(program, ComponentPackage.Read(context.ProjectDirectory)));
        if (outFile is null)
        {
            stdout.Write(yaml);
        }
        else
        {
            File.WriteAllText(outFile.FullName, yaml);
        }
    }

    /// <summary>User mistakes print one line (whatever the message holds) and exit 2; anything else is a bug and keeps its stack trace.</summary>
    private static int Guarded(TextWriter stderr, Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (UserError error)
        {
            stderr.WriteLine($"error: {UserError.OneLine(error.Message)}");
            return UserErrorExitCode;
        }
    }
}
