using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Infra.Settings;

/// <summary>
/// Checks a stack file's YAML event by event (the parser keeps no call stack) before the tree loader, which
/// recurses, reads it. Refuses what no config needs and what would crash or swamp the loader: nesting deeper
/// than <see cref="MaxDepth"/>, an alias used before its anchor is complete (YAML forbids it; inside its own
/// anchor it would make a cycle), and aliases that expand to more than <see cref="MaxExpandedNodes"/> nodes.
/// </summary>
public static class StackFileShape
{
    public const int MaxDepth = 32;

    public const int MaxExpandedNodes = 10_000;

    /// <summary>A list or mapping being read: its anchor, the node count when it began, and the key it sits under.</summary>
    private sealed class Frame(bool isMapping, string? anchor, long startCount, string? key)
    {
        public bool IsMapping { get; } = isMapping;
        public string? Anchor { get; } = anchor;
        public long StartCount { get; } = startCount;
        public string? Key { get; } = key;
        public bool NextIsKey { get; set; } = isMapping;
        public string? LastKey { get; set; }
    }

    public static void Check(string yaml, string fileName)
    {
        var parser = new Parser(new StringReader(yaml));
        var open = new Stack<Frame>();
        var anchorSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        long nodes = 0;
        var mark = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                mark = current.Start;
                switch (current)
                {
                    case DocumentStart:
                        nodes = 0;
                        anchorSizes.Clear();
                        break;
                    case AnchorAlias alias:
                        var name = alias.Value.Value;
                        if (!anchorSizes.TryGetValue(name, out var size))
                        {
                            throw Refuse(fileName, open, alias.Start, $"uses alias *{name} where no complete anchor &{name} comes before it (an alias must follow the value it names)");
                        }
                        nodes += size;
                        Advance(open, null);
                        break;
                    case Scalar scalar:
                        nodes++;
                        if (!scalar.Anchor.IsEmpty)
                        {
                            anchorSizes[scalar.Anchor.Value] = 1;
                        }
                        Advance(open, scalar.Value);
                        break;
                    case NodeEvent { } start and (SequenceStart or MappingStart):
                        nodes++;
                        var key = open.Count > 0 && open.Peek() is { IsMapping: true, NextIsKey: false } parent ? parent.LastKey : null;
                        Advance(open, null);
                        if (!start.Anchor.IsEmpty)
                        {
                            // An alias inside the value its anchor names would make a cycle.
                            anchorSizes.Remove(start.Anchor.Value);
                        }
                        open.Push(new Frame(start is MappingStart, start.Anchor.IsEmpty ? null : start.Anchor.Value, nodes, key));
                        if (open.Count > MaxDepth)
                        {
                            throw Refuse(fileName, open, start.Start, $"nests lists or mappings more than {MaxDepth} levels deep");
                        }
                        break;
                    case SequenceEnd or MappingEnd:
                        var done = open.Pop();
                        if (done.Anchor is not null)
                        {
                            anchorSizes[done.Anchor] = nodes - done.StartCount + 1;
                        }
                        break;
                }
                if (nodes > MaxExpandedNodes)
                {
                    throw Refuse(fileName, open, mark, $"expands, through aliases, to more than {MaxExpandedNodes} values");
                }
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet lets some malformed input escape as these instead of a YamlException: "\ud800" without
            // its pair (ArgumentOutOfRangeException), or "key: [" followed by more keys (InvalidOperationException).
            throw new YamlException(mark, mark, $"the YAML cannot be read on from here: look for an unclosed [ or {{, or a broken escape sequence ({e.Message})", e);
        }
    }

    /// <summary>In a mapping, keys and values alternate: remember the last key so a nested value can say where it is.</summary>
    private static void Advance(Stack<Frame> open, string? scalar)
    {
        if (open.Count == 0 || !open.Peek().IsMapping)
        {
            return;
        }
        var frame = open.Peek();
        if (frame.NextIsKey)
        {
            frame.LastKey = scalar;
        }
        frame.NextIsKey = !frame.NextIsKey;
    }

    /// <summary>Names the config key the problem is under (config: → key), or else the line.</summary>
    private static UserError Refuse(string fileName, Stack<Frame> open, Mark at, string problem)
    {
        var path = open.Reverse().Select(frame => frame.Key).Skip(1).Append(open.Count > 0 ? open.Peek().LastKey : null).ToList();
        var configKey = path.Count >= 2 && path[0] == "config" ? path[1] : null;
        return configKey is not null
            ? new UserError($"{fileName}: {UserError.Show(configKey)} {problem} (line {at.Line}).")
            : new UserError($"{fileName} line {at.Line}: the YAML {problem}.");
    }
}
