namespace Infra.Model.Azure;

/// <summary>
/// <c>azure-native:authorization:getClientConfig</c>: the tenant and subscription the provider is
/// signed in to, so the program never hard-codes either.
/// </summary>
public static class ClientConfig
{
    public const string Function = "azure-native:authorization:getClientConfig";

    public static Output<string> TenantId => InvokeExpression.Of<string>(Function, new Dictionary<string, object>(), "tenantId");

    public static Output<string> SubscriptionId => InvokeExpression.Of<string>(Function, new Dictionary<string, object>(), "subscriptionId");
}
