namespace Multicloud.Tracing.Tests.EndToEnd;

/// <summary>The test classes that share one run of the samples with the kit's defaults.</summary>
[CollectionDefinition(Name)]
public sealed class DefaultSamplingCollection : ICollectionFixture<TransactionFixture>
{
    public const string Name = "samples with the kit's default sampling";
}
