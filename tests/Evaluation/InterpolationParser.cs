namespace Infra.Tests.Evaluation;

/// <summary>One piece of a Pulumi YAML string: literal text, or a <c>${...}</c> reference.</summary>
public sealed record InterpolationPart(string? Text, string? Reference);

/// <summary>
/// Splits a string the way Pulumi YAML does (pulumi-yaml pkg/pulumiyaml/ast/interpolation.go,
/// parseInterpolate): left to right, <c>$$</c> is one literal <c>$</c> anywhere, <c>${</c> opens a
/// reference up to the next <c>}</c>, any other character is literal.
/// </summary>
public static class InterpolationParser
{
    public static IReadOnlyList<InterpolationPart> Parse(string value)
    {
        var parts = new List<InterpolationPart>();
        var text = new System.Text.StringBuilder();
        var i = 0;
        while (i < value.Length)
        {
            if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '$')
            {
                text.Append('$');
                i += 2;
            }
            else if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '{')
            {
                var close = value.IndexOf('}', i + 2);
                if (close < 0)
                {
                    throw new EvaluationException($"'{value}': '${{' at {i} is never closed.");
                }
                if (text.Length > 0)
                {
                    parts.Add(new InterpolationPart(text.ToString(), null));
                    text.Clear();
                }
                parts.Add(new InterpolationPart(null, value[(i + 2)..close]));
                i = close + 1;
            }
            else
            {
                text.Append(value[i]);
                i++;
            }
        }
        if (text.Length > 0)
        {
            parts.Add(new InterpolationPart(text.ToString(), null));
        }
        return parts;
    }
}
