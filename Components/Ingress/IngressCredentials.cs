using System.Globalization;
using Infra.Model;
using Infra.Model.Aws;
using Infra.Model.Random;

namespace Infra.Components.Ingress;

public sealed record IngressCredentialsArgs(
    string ParameterPrefix,
    int Generation,
    string ReceivingTier,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The stack's key for the SecureStrings; null: aws/ssm.</summary>
    public Input<string>? KeyId { get; init; }
}

/// <summary>
/// The OTLP ingress token: three generated passwords (previous, current, next; see
/// <see cref="IngressTokenSlots"/>), each in an SSM SecureString that ECS injects into the receiving
/// tier, plus the current token as a ready OTEL_EXPORTER_OTLP_HEADERS value for AWS senders.
/// </summary>
public sealed class IngressCredentials
{
    public const string ComponentName = "ingress-credentials";

    /// <summary>48 letters and digits: about 285 bits, and nothing a header or a URL would need escaped.</summary>
    public const int TokenLength = 48;

    public const string CurrentVariable = "OTLP_INGRESS_TOKEN";
    public const string PreviousVariable = "OTLP_INGRESS_TOKEN_PREVIOUS";
    public const string NextVariable = "OTLP_INGRESS_TOKEN_NEXT";

    /// <summary>In the task definition, so a raise starts new tasks: ECS reads secrets only when a task starts.</summary>
    public const string GenerationVariable = "OTLP_INGRESS_TOKEN_GENERATION";

    /// <summary>OTEL_EXPORTER_OTLP_HEADERS is W3C-baggage-like: the space is percent-encoded, as the OTLP exporter spec asks.</summary>
    public const string HeaderPrefix = "Authorization=Bearer%20";

    public IngressCredentials(PulumiProgram program, IngressCredentialsArgs args)
    {
        var tokens = new Dictionary<IngressTokenRole, Output<string>>();
        foreach (var slot in IngressTokenSlots.For(args.Generation))
        {
            var password = program.Add(ComponentName, new RandomPassword($"ingress-token-slot-{slot.Slot}", new RandomPasswordArgs
            {
                Length = TokenLength,
                Keepers = new Dictionary<string, string> { ["generation"] = slot.Generation.ToString(CultureInfo.InvariantCulture) },
                Special = false,
                // Never all digits: the collector reads a ${env:...} value as YAML, and digits alone would be a number.
                MinUpper = 1,
                MinLower = 1,
                MinNumeric = 1,
            }));
            tokens[slot.Role] = password.Result;
        }
        CurrentToken = tokens[IngressTokenRole.Current];

        SsmParameter Parameter(string resource, string name, Output<string> value, string description) =>
            program.Add(ComponentName, new SsmParameter(resource, new SsmParameterArgs
            {
                Name = $"{args.ParameterPrefix}/{name}",
                Type = "SecureString",
                Value = value,
                Tier = "Standard",
                KeyId = args.KeyId,
                Description = description,
                Tags = args.Tags,
            }));

        var generation = args.Generation.ToString(CultureInfo.InvariantCulture);
        TokenParameter = Parameter("ingress-token-parameter", "ingress-token", CurrentToken,
            $"OTLP ingress token, generation {generation}: senders send Authorization: Bearer <token>; ECS injects it into the {args.ReceivingTier} tasks as {CurrentVariable}.");
        var previous = Parameter("ingress-token-previous-parameter", "ingress-token-previous", tokens[IngressTokenRole.Previous],
            $"OTLP ingress token of generation {args.Generation - 1}, still accepted by the {args.ReceivingTier} tasks ({PreviousVariable}) until the next rotation.");
        var next = Parameter("ingress-token-next-parameter", "ingress-token-next", tokens[IngressTokenRole.Next],
            $"OTLP ingress token of generation {args.Generation + 1}, accepted by the {args.ReceivingTier} tasks ({NextVariable}) before it is handed out.");
        OtlpHeaders = Interpolation.Of(HeaderPrefix, CurrentToken);
        HeadersParameter = Parameter("otlp-headers-parameter", "otlp-headers", OtlpHeaders,
            $"OTEL_EXPORTER_OTLP_HEADERS for AWS senders: the current ingress token (generation {generation}) as an Authorization header.");

        Secrets =
        [
            new InjectedSecret(CurrentVariable, TokenParameter),
            new InjectedSecret(PreviousVariable, previous),
            new InjectedSecret(NextVariable, next),
        ];
        Environment = [new NameValue(GenerationVariable, generation)];
    }

    /// <summary>Secret: the token senders are handed now.</summary>
    public Output<string> CurrentToken { get; }

    /// <summary>Secret: <c>Authorization=Bearer%20&lt;current token&gt;</c>.</summary>
    public Output<string> OtlpHeaders { get; }

    /// <summary>The current token; its ARN is what an AWS sender's execution role may read.</summary>
    public SsmParameter TokenParameter { get; }

    public SsmParameter HeadersParameter { get; }

    /// <summary>What the receiving tier's container gets, by parameter ARN.</summary>
    public IReadOnlyList<InjectedSecret> Secrets { get; }

    public IReadOnlyList<NameValue> Environment { get; }

    /// <summary>The variables the collector's bearertokenauth extension reads.</summary>
    public static IReadOnlyList<string> TokenVariables => [CurrentVariable, PreviousVariable, NextVariable];
}
