using System.Text.RegularExpressions;
using Infra.Settings.Topology;

namespace Infra.Settings;

/// <summary>Every key of the stack config this program reads: the one table the reader, the README and the tests share.</summary>
public static partial class SettingKeys
{
    public const string Project = "otel-multicloud";

    public static IReadOnlyList<int> NoSpansWindows => [5, 10, 15, 30, 45, 60, 120, 180, 240, 300, 360, 1440, 2880];

    public static IReadOnlyList<int> CloudWatchRetentionDays =>
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    private const string FargateCpuRange = "256, 512, 1024, 2048, 4096, 8192, 16384 (Fargate CPU units)";
    private const string FargateMemoryRange = "512..122880 MiB, a Fargate pair with the CPU";

    // Provider namespaces: the engine passes these to the providers too; we read region and location for names and wiring.
    public static readonly Setting<string> AwsRegion = new(
        "aws:region", null, "an AWS region code, e.g. eu-west-1", "AWS region of the collector, SSM parameters and X-Ray.",
        Parsers.Matching(AwsRegionPattern(), "an AWS region code such as eu-west-1"));

    public static readonly Setting<string> AzureLocation = new(
        "azure-native:location", null, "an Azure region name, e.g. westeurope", "Azure region of the resource group, workspace and Application Insights.",
        Parsers.Matching(AzureLocationPattern(), "an Azure region name such as westeurope"));

    public static readonly Setting<bool> Production = new(
        "production", "false", "true or false", "Marks a production stack: stricter guardrails (no public OTLP ingress) and deletion protection on the telemetry store.",
        Parsers.Bool);

    public static readonly Setting<int> LogRetentionDays = new(
        "logRetentionDays", "30", "30..730", "Days the Log Analytics workspace (and so Application Insights) keeps data.",
        Parsers.Int(30, 730));

    public static readonly Setting<double> SamplingPercentage = new(
        "samplingPercentage", "10", "greater than 0, at most 100", "Baseline share of traces kept by tail sampling when they are neither errors nor slow.",
        Parsers.DoubleAboveUpTo(0, 100));

    public static readonly Setting<int> LatencyThresholdMs = new(
        "latencyThresholdMs", "1000", "1..600000", "A trace at least this long (ms) is always kept.",
        Parsers.Int(1, 600_000));

    public static readonly Setting<int> DecisionWaitSeconds = new(
        "decisionWaitSeconds", "10", "1..120", "Seconds tail sampling waits after a trace's first span before deciding.",
        Parsers.Int(1, 120));

    public static readonly Setting<int?> NumTraces = new(
        "numTraces", "", "empty (derived) or 1000..10000000", "Override of the traces each sampler task holds in memory. Empty derives it: the larger of 2 x the average share on the minimum sampler count (expectedNewTracesPerSec / minimum sampler tasks x decisionWaitSeconds) and the share at peak (peakFactor) with one task (production: one availability zone) lost; a value below the larger share without the 2x is refused, and so is a derived value a task's memory cannot hold.",
        Parsers.OptionalInt(1000, 10_000_000));

    public static readonly Setting<int> ExpectedNewTracesPerSec = new(
        "expectedNewTracesPerSec", "100", "1..1000000", "Expected new traces per second, sizes tail sampling's data structures.",
        Parsers.Int(1, 1_000_000));

    public static readonly Setting<double> SpansPerTrace = new(
        "spansPerTrace", "8", "1..10000", "Average spans in one trace; with expectedNewTracesPerSec it gives the spans per second the tiers are sized for.",
        Parsers.DoubleBetween(1, 10_000));

    public static readonly Setting<double> AverageSpanBytes = new(
        "averageSpanBytes", "600", "50..65536", "Average size of one span on the wire (OTLP protobuf), in bytes: sizes sampler memory, load balancer and ingestion cost.",
        Parsers.DoubleBetween(50, 65_536));

    public static readonly Setting<double> ErrorTraceShare = new(
        "errorTraceShare", "0.01", "0..1 (with slowTraceShare at most 1)", "Estimated share of traces with an error span: the keep-errors policy keeps them all (cost estimate).",
        Parsers.DoubleBetween(0, 1));

    public static readonly Setting<double> SlowTraceShare = new(
        "slowTraceShare", "0.02", "0..1 (with errorTraceShare at most 1)", "Estimated share of traces at least latencyThresholdMs long: the keep-slow policy keeps them all (cost estimate).",
        Parsers.DoubleBetween(0, 1));

    public static readonly Setting<double> PeakFactor = new(
        "peakFactor", "2", "1..20", "Traffic in the busiest hour over expectedNewTracesPerSec (the average): each tier is planned to hold it at its autoscaling target, and with one task (in production one availability zone) lost.",
        Parsers.DoubleBetween(1, 20));

    public static readonly Setting<string> VpcId = new(
        "vpcId", null, "an existing VPC id, vpc-...", "VPC the collector runs in.",
        Parsers.Matching(VpcIdPattern(), "a VPC id such as vpc-0123456789abcdef0"));

    public static readonly Setting<string> VpcCidr = new(
        "vpcCidr", null, "the VPC's IPv4 CIDR, a network address (no host bits), e.g. 10.0.0.0/16", "The VPC's CIDR: load balancer health checks reach port 13133 only from inside it.",
        Parsers.NetworkCidr("an IPv4 CIDR such as 10.0.0.0/16"));

    public static readonly Setting<IReadOnlyList<PrivateSubnet>> PrivateSubnets = new(
        "privateSubnets", null, "a list of at least 2 {id, availabilityZone} in at least 2 AZs", "Private subnets for the collector tasks and the internal load balancer.",
        Parsers.ListOf(PrivateSubnet.Parse, minCount: 2));

    public static readonly Setting<bool> NatGatewayEgress = new(
        "natGatewayEgress", "true", "true or false", "The private subnets reach the internet through a NAT gateway: the exports to X-Ray and Azure Monitor pay its per-GB processing in the cost (its hours belong to the VPC and are not priced). false: they leave another way (an egress proxy, VPC endpoints), not priced here.",
        Parsers.Bool);

    public static readonly Setting<IReadOnlyList<string>> IngressCidrs = new(
        "ingressCidrs", null, "a list of at least 1 IPv4 CIDR, each a network address (no host bits)", "Who may send OTLP (ports 4317/4318) to the collector. 0.0.0.0/0 needs allowPublicIngress, and never in production.",
        Parsers.ListOf(Parsers.NetworkCidrItem("an IPv4 CIDR such as 10.0.0.0/8"), minCount: 1));

    public static readonly Setting<bool> AllowPublicIngress = new(
        "allowPublicIngress", "false", "true or false (never true in production)", "Allows 0.0.0.0/0 in ingressCidrs on a non-production stack.",
        Parsers.Bool);

    public static readonly Setting<string> Topology = new(
        "topology", "single", "single or tiered (production: tiered)", "single: one collector task (cheap dev stacks). tiered: a routing tier behind the load balancer that routes by trace ID to an autoscaled tail-sampling tier.",
        Parsers.OneOfText(TopologyNames.Single, TopologyNames.Tiered));

    public static readonly Setting<int> TaskCpu = new(
        "taskCpu", "512", FargateCpuRange, "Single topology: the collector task's CPU; must pair with taskMemory as Fargate allows.",
        Parsers.OneOf(FargateSizes.CpuUnits));

    public static readonly Setting<int> TaskMemory = new(
        "taskMemory", "1024", FargateMemoryRange, "Single topology: the collector task's memory (MiB); memory_limiter and GOMEMLIMIT derive from it.",
        Parsers.Int(512, 122_880));

    public static readonly Setting<int> RouterTaskCpu = new(
        "routerTaskCpu", "512", FargateCpuRange, "Tiered: CPU of each routing task.",
        Parsers.OneOf(FargateSizes.CpuUnits));

    public static readonly Setting<int> RouterTaskMemory = new(
        "routerTaskMemory", "1024", FargateMemoryRange, "Tiered: memory (MiB) of each routing task.",
        Parsers.Int(512, 122_880));

    public static readonly Setting<int> RouterMinTasks = new(
        "routerMinTasks", "2", "1..50 (production: at least 2)", "Tiered: fewest routing tasks autoscaling keeps.",
        Parsers.Int(1, 50));

    public static readonly Setting<int> RouterMaxTasks = new(
        "routerMaxTasks", "4", "1..100, at least routerMinTasks", "Tiered: most routing tasks autoscaling starts (scales on CPU).",
        Parsers.Int(1, 100));

    public static readonly Setting<int> SamplerTaskCpu = new(
        "samplerTaskCpu", "1024", FargateCpuRange, "Tiered: CPU of each tail-sampling task.",
        Parsers.OneOf(FargateSizes.CpuUnits));

    public static readonly Setting<int> SamplerTaskMemory = new(
        "samplerTaskMemory", "2048", FargateMemoryRange, "Tiered: memory (MiB) of each tail-sampling task; it holds the traces awaiting a decision.",
        Parsers.Int(512, 122_880));

    public static readonly Setting<int> SamplerMinTasks = new(
        "samplerMinTasks", "2", "1..50 (production: at least 2)", "Tiered: fewest tail-sampling tasks autoscaling keeps; num_traces per task is sized for this count.",
        Parsers.Int(1, 50));

    public static readonly Setting<int> SamplerMaxTasks = new(
        "samplerMaxTasks", "4", "1..100, at least samplerMinTasks", "Tiered: most tail-sampling tasks autoscaling starts (scales on memory and CPU, slowly in).",
        Parsers.Int(1, 100));

    public static readonly Setting<string> XrayExport = new(
        "xrayExport", XrayExportModes.Otlp, "otlp or segments", "otlp: OTLP with SigV4 to the X-Ray OTLP endpoint (needs CloudWatch Transaction Search; AWS's recommended path). segments: the awsxray exporter, for accounts that cannot turn Transaction Search on.",
        Parsers.OneOfText(XrayExportModes.Otlp, XrayExportModes.Segments));

    public static readonly Setting<bool> ManageTransactionSearch = new(
        "manageTransactionSearch", "false", "true or false (one stack per account and region)", "This stack turns CloudWatch Transaction Search on and owns it: the logs resource policy for X-Ray, the segment destination and the indexing rule.",
        Parsers.Bool);

    public static readonly Setting<bool> TransactionSearchEnabled = new(
        "transactionSearchEnabled", "false", "true or false", "Declares that Transaction Search is already on in this account and region, owned by another stack or by hand.",
        Parsers.Bool);

    public static readonly Setting<double> TransactionSearchIndexingPercentage = new(
        "transactionSearchIndexingPercentage", "1", "0..100", "With manageTransactionSearch: the share of spans X-Ray indexes as searchable trace summaries (1% is free).",
        Parsers.DoubleBetween(0, 100));

    public static readonly Setting<CpuArchitecture> CpuArchitecture = new(
        "cpuArchitecture", "X86_64", "X86_64 or ARM64", "Fargate runtime platform CPU architecture.",
        Parsers.OneOfEnum<CpuArchitecture>());

    public static readonly Setting<int> CollectorLogRetentionDays = new(
        "collectorLogRetentionDays", "14", "one of CloudWatch's values: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, ...", "Days CloudWatch Logs keeps the collector's own logs.",
        Parsers.OneOf(CloudWatchRetentionDays));

    public static readonly Setting<string> CertificateArn = new(
        "certificateArn", "", "empty (TCP listeners) or an ACM certificate ARN (TLS listeners)", "Certificate for TLS on the OTLP listeners.",
        text => text.Length == 0 || Parsers.IsWholeMatch(CertificateArnPattern(), text) ? (text, null) : (null, "is not an ACM certificate ARN"));

    public static readonly Setting<bool> InternalLoadBalancer = new(
        "internalLoadBalancer", "true", "true or false", "Keeps the OTLP load balancer off the internet.",
        Parsers.Bool);

    public static readonly Setting<bool> AllowPlaintextIngress = new(
        "allowPlaintextIngress", "false", "true or false (never true in production)", "Lets OTLP, and the ingress token with it, reach a non-production stack from outside the VPC without TLS (no certificateArn).",
        Parsers.Bool);

    public static readonly Setting<string> IngressHostName = new(
        "ingressHostName", "", "empty, or a DNS name (required with certificateArn)", "The name senders connect to, covered by certificateArn; point it (CNAME or alias) at the otlpLoadBalancerDnsName output. Empty: the endpoints name the load balancer itself.",
        text => text.Length == 0 || (text.Length <= 253 && Parsers.IsWholeMatch(HostNamePattern(), text)) ? (text, null) : (null, "is not a DNS name such as otlp.example.com"));

    public static readonly Setting<string> IngressAuth = new(
        "ingressAuth", IngressAuthNames.Token, "token or none (production: token)", "token: the receiving collector accepts OTLP only with the header Authorization: Bearer <ingress token>. none: no authentication, for a non-production stack.",
        Parsers.OneOfText(IngressAuthNames.Token, IngressAuthNames.None));

    public static readonly Setting<int> IngressTokenGeneration = new(
        "ingressTokenGeneration", "1", "1..1000000", "Raise by one to rotate the ingress token: the staged token becomes current, the current one stays accepted until the next raise.",
        Parsers.Int(1, 1_000_000));

    public static readonly Setting<IReadOnlyList<string>> KeyVaultReaderPrincipalIds = new(
        "keyVaultReaderPrincipalIds", "[]", "a list of Entra object ids (GUIDs), possibly empty", "Principals (the managed identities of the Azure services that send spans) given Key Vault Secrets User on the vault that holds the OTLP endpoints and the ingress token.",
        Parsers.ListOf(Parsers.GuidItem, minCount: 0));

    public static readonly Setting<IReadOnlyList<string>> KeyVaultAllowedIpRanges = new(
        "keyVaultAllowedIpRanges", "[]", "a list of public IPv4 addresses or CIDRs, possibly empty (production: this or keyVaultAllowedSubnetIds)", "Public networks that may reach the Key Vault's secrets (its firewall denies the rest): the senders' egress. The deployment writes the secrets through ARM, which the firewall does not filter. Empty with no subnets on a non-production stack leaves the vault open to all networks.",
        Parsers.ListOf(Parsers.TextItem(Cidr.AddressOrCidrPattern(), "an IPv4 address or CIDR such as 203.0.113.0/24"), minCount: 0));

    public static readonly Setting<IReadOnlyList<string>> KeyVaultAllowedSubnetIds = new(
        "keyVaultAllowedSubnetIds", "[]", "a list of Azure subnet resource ids, possibly empty", "Azure subnets (with the Microsoft.KeyVault service endpoint) whose senders may reach the Key Vault.",
        Parsers.ListOf(Parsers.TextItem(AzureSubnetIdPattern(), "an Azure subnet resource id such as /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>"), minCount: 0));

    public static readonly Setting<bool> PrivateAwsEndpoints = new(
        "privateAwsEndpoints", "false", "true or false (true needs privateRouteTableIds)", "Adds VPC interface endpoints for SSM, CloudWatch Logs, X-Ray, ECR and Cloud Map and the S3 gateway endpoint, so only the tier that exports to Azure needs internet egress; the routers then reach AWS only inside the VPC.",
        Parsers.Bool);

    public static readonly Setting<IReadOnlyList<string>> PrivateRouteTableIds = new(
        "privateRouteTableIds", "[]", "a list of route table ids (rtb-...), possibly empty", "The private subnets' route tables, for the S3 gateway endpoint (ECR image layers) with privateAwsEndpoints.",
        Parsers.ListOf(Parsers.TextItem(RouteTableIdPattern(), "a route table id such as rtb-0123456789abcdef0"), minCount: 0));

    public static readonly Setting<IReadOnlyList<string>> AlarmEmails = new(
        "alarmEmails", "[]", "a list of email addresses, possibly empty (production: at least 1)", "Who is told when the pipeline is in trouble: each address is subscribed to the alarms' SNS topic (AWS first sends it a confirmation email) and is an email receiver of the Azure action group.",
        Parsers.ListOf(Parsers.TextItem(EmailPattern(), "an email address such as oncall@example.com"), minCount: 0));

    public static readonly Setting<int> AlarmPeriodSeconds = new(
        "alarmPeriodSeconds", "300", "60, 300, 900 or 3600 (x alarmEvaluationPeriods at most 86400)", "The period each pipeline alarm sums or averages its metric over.",
        Parsers.OneOf([60, 300, 900, 3600]));

    public static readonly Setting<int> AlarmEvaluationPeriods = new(
        "alarmEvaluationPeriods", "3", "1..1440 (x alarmPeriodSeconds at most 86400)", "Periods an alarm looks back: a data-loss alarm fires on one bad period and clears after this many good ones; a saturation alarm (queue, CPU, memory, unhealthy targets) fires only when all of them are bad.",
        Parsers.Int(1, 1440));

    public static readonly Setting<int> ExportFailureThreshold = new(
        "exportFailureThreshold", "0", "0..1000000", "Spans an exporter may fail to send in one period before its alarm fires (0: any failure).",
        Parsers.Int(0, 1_000_000));

    public static readonly Setting<int> RefusedSpansThreshold = new(
        "refusedSpansThreshold", "0", "0..1000000", "Spans memory_limiter may refuse in one period before its alarm fires (0: any refusal).",
        Parsers.Int(0, 1_000_000));

    public static readonly Setting<int> DroppedTracesThreshold = new(
        "droppedTracesThreshold", "0", "0..1000000", "Traces tail sampling may evict before their decision in one period before its alarm fires (0: any).",
        Parsers.Int(0, 1_000_000));

    public static readonly Setting<int> QueueAlarmPercent = new(
        "queueAlarmPercent", "80", "1..100", "An exporter queue this full (percent of its capacity) for every evaluated period raises an alarm.",
        Parsers.Int(1, 100));

    public static readonly Setting<int> CpuAlarmPercent = new(
        "cpuAlarmPercent", "80", "1..100", "Average CPU of a tier's service (percent of the tasks' CPU) that raises an alarm.",
        Parsers.Int(1, 100));

    public static readonly Setting<int> MemoryAlarmPercent = new(
        "memoryAlarmPercent", "80", "1..100", "Average memory of a tier's service (percent of the tasks' memory) that raises an alarm.",
        Parsers.Int(1, 100));

    public static readonly Setting<int> TaskShortfallMinutes = new(
        "taskShortfallMinutes", "15", "5..1440", "Minutes a tier may run fewer tasks than desired before the alarm fires; longer than a deployment takes.",
        Parsers.Int(5, 1440));

    public static readonly Setting<int> NoSpansAlertMinutes = new(
        "noSpansAlertMinutes", "60", "one of 5, 10, 15, 30, 45, 60, 120, 180, 240, 300, 360, 1440, 2880 (Azure's log alert windows)", "Minutes without a single span in Application Insights before the Azure alert fires (a broken cross-wire, an expired connection string).",
        Parsers.OneOf(NoSpansWindows));

    public static readonly Setting<int> SpanMetricsCardinalityLimit = new(
        "spanMetricsCardinalityLimit", "2000", "100..100000", "Most RED series (service x span name x kind x status) the span_metrics connector keeps per task; beyond it new series fold into one overflow series.",
        Parsers.Int(100, 100_000));

    public static readonly Setting<int> OutageRideThroughMinutes = new(
        "outageRideThroughMinutes", "15", "0..1440 (0: in-memory queues only)", "Minutes of a backend outage the exporting tier's queues hold without losing spans while its tasks live: X-Ray and Azure Monitor queues on the task's ephemeral storage (file_storage), sized from the kept traffic; the stack is refused when that needs more than Fargate's 200 GiB per task.",
        Parsers.Int(0, 1440));

    public static readonly Setting<string> ImageSource = new(
        "imageSource", ImageSources.DockerHub, "dockerhub, pullThroughCache or registry (production: not dockerhub unless allowPublicImagePull)", "Where tasks pull the collector image: dockerhub (anonymous, rate-limited per IP), pullThroughCache (an ECR pull-through cache rule for Docker Hub in this account, with imagePullCredentialArn), or registry (your own ECR repository, imageRepository).",
        Parsers.OneOfText(ImageSources.DockerHub, ImageSources.PullThroughCache, ImageSources.Registry));

    public static readonly Setting<string> ImageRepository = new(
        "imageRepository", "", "empty, or an ECR repository URI (required with imageSource registry)", "The ECR repository holding a copy of otel/opentelemetry-collector-contrib, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/otelcol-contrib.",
        text => text.Length == 0 || Parsers.IsWholeMatch(EcrRepositoryPattern(), text) ? (text, null) : (null, "is not an ECR repository URI such as 123456789012.dkr.ecr.eu-west-1.amazonaws.com/otelcol-contrib"));

    public static readonly Setting<string> ImagePullCredentialArn = new(
        "imagePullCredentialArn", "", "empty, or a Secrets Manager secret ARN named ecr-pullthroughcache/... (required with imageSource pullThroughCache)", "The Docker Hub credential the pull-through cache rule uses upstream (ECR requires the ecr-pullthroughcache/ name prefix).",
        text => text.Length == 0 || Parsers.IsWholeMatch(PullThroughSecretPattern(), text) ? (text, null) : (null, "is not a Secrets Manager secret ARN named ecr-pullthroughcache/..."));

    public static readonly Setting<string> ImageDigest = new(
        "imageDigest", "", "empty, or sha256: and 64 hex digits", "Pins the collector image by digest (image@sha256:...) instead of its mutable tag.",
        text => text.Length == 0 || Parsers.IsWholeMatch(ImageDigestPattern(), text) ? (text, null) : (null, "is not an image digest such as sha256: followed by 64 lowercase hex digits"));

    public static readonly Setting<bool> AllowPublicImagePull = new(
        "allowPublicImagePull", "false", "true or false", "Lets a production stack pull the image anonymously from Docker Hub by tag (imageSource dockerhub).",
        Parsers.Bool);

    public static readonly Setting<string> UtilityImage = new(
        "utilityImage", "public.ecr.aws/docker/library/busybox:1.37.0", "an image reference with a tag or digest", "A small image with a shell for the containers the collector image cannot be (it has none): preparing the queue directory for the collector's user, and the samplers' liveness check. With imageSource pullThroughCache a public.ecr.aws image is pulled through the cache too.",
        text => text.Length <= 255 && Parsers.IsWholeMatch(ImageReferencePattern(), text) ? (text, null) : (null, "is not an image reference such as public.ecr.aws/docker/library/busybox:1.37.0"));

    /// <summary>Keys in the project's namespace, in README order.</summary>
    public static IReadOnlyList<Setting> ProjectKeys =>
    [
        Production, LogRetentionDays,
        SamplingPercentage, LatencyThresholdMs, DecisionWaitSeconds, NumTraces, ExpectedNewTracesPerSec,
        SpansPerTrace, AverageSpanBytes, ErrorTraceShare, SlowTraceShare, PeakFactor,
        VpcId, VpcCidr, PrivateSubnets, NatGatewayEgress, IngressCidrs, AllowPublicIngress, InternalLoadBalancer, CertificateArn,
        AllowPlaintextIngress, IngressHostName, IngressAuth, IngressTokenGeneration, KeyVaultReaderPrincipalIds,
        KeyVaultAllowedIpRanges, KeyVaultAllowedSubnetIds, PrivateAwsEndpoints, PrivateRouteTableIds,
        Topology, TaskCpu, TaskMemory,
        RouterTaskCpu, RouterTaskMemory, RouterMinTasks, RouterMaxTasks,
        SamplerTaskCpu, SamplerTaskMemory, SamplerMinTasks, SamplerMaxTasks,
        CpuArchitecture, CollectorLogRetentionDays,
        XrayExport, ManageTransactionSearch, TransactionSearchEnabled, TransactionSearchIndexingPercentage,
        OutageRideThroughMinutes, ImageSource, ImageRepository, ImagePullCredentialArn, ImageDigest, AllowPublicImagePull, UtilityImage,
        AlarmEmails, AlarmPeriodSeconds, AlarmEvaluationPeriods, ExportFailureThreshold, RefusedSpansThreshold, DroppedTracesThreshold,
        QueueAlarmPercent, CpuAlarmPercent, MemoryAlarmPercent, TaskShortfallMinutes, NoSpansAlertMinutes, SpanMetricsCardinalityLimit,
    ];

    public static IReadOnlyList<Setting> ProviderKeys => [AwsRegion, AzureLocation];

    public static IReadOnlyList<Setting> All => [.. ProviderKeys, .. ProjectKeys];

    /// <summary>The key as written in a stack file: project keys carry the project namespace.</summary>
    public static string Qualified(Setting setting) => setting.Key.Contains(':') ? setting.Key : $"{Project}:{setting.Key}";

    [GeneratedRegex("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$")]
    private static partial Regex AwsRegionPattern();

    [GeneratedRegex("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^[0-9]{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com/[a-z0-9]+([._/-][a-z0-9]+)*$")]
    private static partial Regex EcrRepositoryPattern();

    [GeneratedRegex("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:ecr-pullthroughcache/[A-Za-z0-9/_+=.@-]+$")]
    private static partial Regex PullThroughSecretPattern();

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex ImageDigestPattern();

    [GeneratedRegex("^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\\.[a-z0-9]+([._-][a-z0-9]+)*)*(/[a-z0-9]+([._-][a-z0-9]+)*)+(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[0-9a-f]{64})$")]
    private static partial Regex ImageReferencePattern();

    [GeneratedRegex("^/subscriptions/[0-9a-fA-F-]{36}/resourceGroups/[^/]+/providers/Microsoft\\.Network/virtualNetworks/[^/]+/subnets/[^/]+$")]
    private static partial Regex AzureSubnetIdPattern();

    [GeneratedRegex("^rtb-[0-9a-f]{8,17}$")]
    private static partial Regex RouteTableIdPattern();

    [GeneratedRegex("^vpc-[0-9a-f]{8,17}$")]
    private static partial Regex VpcIdPattern();

    [GeneratedRegex("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]{36}$")]
    private static partial Regex CertificateArnPattern();

    [GeneratedRegex("^[a-z][a-z0-9]{2,30}$")]
    private static partial Regex AzureLocationPattern();

    [GeneratedRegex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.IgnoreCase)]
    private static partial Regex HostNamePattern();
}
