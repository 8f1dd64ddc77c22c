using System.Globalization;

namespace Multicloud.Verify.Aws;

/// <summary>
/// Publishes the run's result with PutMetricData (CloudWatch query protocol: Action, Version 2010-08-01, Namespace,
/// MetricData.member.N.MetricName / Value / Unit / Dimensions.member.N.Name and Value).
/// </summary>
internal sealed class MetricsPublisher(AwsClient aws, Uri endpoint)
{
    public Task PublishAsync(string stack, bool seen, TimeSpan? delay, CancellationToken cancellation)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("Action", "PutMetricData"),
            new("Version", "2010-08-01"),
            new("Namespace", VerifyMetrics.Namespace),
        };
        var member = 0;
        void Add(string name, double value, string unit)
        {
            member++;
            var prefix = $"MetricData.member.{member}.";
            parameters.Add(new(prefix + "MetricName", name));
            parameters.Add(new(prefix + "Value", value.ToString("0.###", CultureInfo.InvariantCulture)));
            parameters.Add(new(prefix + "Unit", unit));
            parameters.Add(new(prefix + "Dimensions.member.1.Name", VerifyMetrics.StackDimension));
            parameters.Add(new(prefix + "Dimensions.member.1.Value", stack));
        }

        Add(VerifyMetrics.CrossCloudTraceSeen, seen ? 1 : 0, "Count");
        if (delay is { } seconds)
        {
            Add(VerifyMetrics.EndToEndDelaySeconds, seconds.TotalSeconds, "Seconds");
        }

        return aws.PostQueryAsync(AwsActions.PutMetricData, endpoint, parameters, cancellation);
    }
}
