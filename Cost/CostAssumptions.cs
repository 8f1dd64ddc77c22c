using System.Globalization;

namespace Infra.Cost;

/// <summary>The assumptions a cost report rests on, in words, for the renderers and the docs.</summary>
public static class CostAssumptions
{
    public static IReadOnlyList<string> For(CostReport report)
    {
        var bytes = report.SpanBytes;
        var list = new List<string>
        {
            "Fargate runs each tier's minimum task count all month (730 hours): a stack whose minimum runs above its autoscaling target at the declared average is refused, so the minimum is the count the autoscaler keeps. At peak (peakFactor) it keeps the peak-hour count; the hours at peak are not known, so what each adds is shown, not totalled.",
            "Kept traces = error share + slow share + sampling percentage of the rest (policies OR'ed, error and slow traces disjoint); kept traces have the average span count.",
            "Every span crosses the load balancer once; its processed bytes are the spans' wire bytes (headers not counted).",
            $"Bytes per span as billed are derived from the tracing kit's spans captured on the wire (docs/capacity-and-cost.md): at {N(bytes.WireBytes)} bytes on the wire, "
            + $"an aws/spans event of {N(bytes.AwsSpansRecord)} bytes and an Application Insights envelope of {N(bytes.AzureEnvelope)} bytes, billed by Log Analytics at 75% ({N(bytes.AzureBilled)} bytes).",
        };
        list.Add(report.Xray.OverOtlp
            ? $"X-Ray over OTLP (xrayExport otlp): CloudWatch Transaction Search bills span ingestion per GB of aws/spans events (the first 10 TB tier's price for all of it) and trace summaries indexed above the free {N(CostModel.FreeIndexingPercentage)}% "
              + $"at the indexing percentage ({N(report.Xray.IndexingPercentage)}%; a stack that does not own Transaction Search takes the account's to be transactionSearchIndexingPercentage). X-Ray bills no traces recorded on this path."
            : "X-Ray segments (xrayExport segments): X-Ray records every kept trace once, first 100,000 a month free.");
        list.Add($"Data transfer: routers and samplers spread over {report.Network.AvailabilityZones} availability zones, so (n-1)/n of the router-to-sampler bytes cross a zone, billed out and in, counted uncompressed (the exporter gzips them: this errs high). "
            + "The Azure envelopes are internet egress (the account's free egress not counted); X-Ray's endpoint is in the region (no transfer charge). "
            + (report.Network.NatGatewayEgress ? "Both exports pass the NAT gateway (natGatewayEgress), billed per GB processed; its hours belong to the VPC." : "natGatewayEgress is false: no NAT gateway processing is priced."));
        list.Add("CloudWatch custom metrics are the collectors' self-metric series; RED metrics add up to 5 per sending service (calls, calls by status code, duration), not counted here. EMF log ingestion is not priced.");
        list.Add("Free allowances (X-Ray 100,000 traces, Log Analytics 5 GB, CloudWatch 10 alarms, 3 dashboards, 10 metrics) are the account's and used only by this stack.");
        list.Add("Trace retrieval and scans, log retention beyond the included period, Application Signals, the collectors' own logs and taxes are not included.");
        return list;
    }

    private static string N(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
