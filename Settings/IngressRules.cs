namespace Infra.Settings;

/// <summary>
/// Who may send OTLP, and how it is protected on the way: TLS whenever it can arrive from outside the
/// VPC, a bearer token unless a non-production stack turns it off, and Key Vault readers named once.
/// </summary>
public static class IngressRules
{
    public static void Check(StackSettings settings, string source)
    {
        string Key(Setting setting) => SettingKeys.Qualified(setting);
        var network = settings.Network;
        var ingress = settings.Ingress;

        if (settings.Production && ingress.Auth == IngressAuthMode.None)
        {
            throw new UserError($"{source}: {Key(SettingKeys.IngressAuth)} = {IngressAuthNames.None} in a production stack: anyone who reaches ports 4317/4318 could write spans, and forged error spans are always kept by tail sampling. Set it to {IngressAuthNames.Token}.");
        }
        if (settings.Production && ingress.AllowPlaintext)
        {
            throw new UserError($"{source}: {Key(SettingKeys.AllowPlaintextIngress)} = true in a production stack: production never takes OTLP from outside the VPC in plain text. Remove the key and set {Key(SettingKeys.CertificateArn)}.");
        }
        if (network.CertificateArn is not null && ingress.HostName is null)
        {
            throw new UserError($"{source}: {Key(SettingKeys.CertificateArn)} is set but {Key(SettingKeys.IngressHostName)} is empty: TLS clients check that the certificate names the host they connect to, and no ACM certificate can name the load balancer's own DNS name. Set {Key(SettingKeys.IngressHostName)} to a name the certificate covers and point it (CNAME or alias) at the stack output otlpLoadBalancerDnsName.");
        }

        if (settings.Production && network.CertificateArn is null)
        {
            throw new UserError($"{source}: a production stack ({Key(SettingKeys.Production)} = true) takes OTLP only over TLS, whoever sends it: the bearer token would otherwise cross the network in clear, inside the VPC too. Set {Key(SettingKeys.CertificateArn)} to an ACM certificate for the load balancer's listeners and {Key(SettingKeys.IngressHostName)} to the name it covers.");
        }
        if (network.PrivateAwsEndpoints && network.PrivateRouteTableIds.Count == 0)
        {
            throw new UserError($"{source}: {Key(SettingKeys.PrivateAwsEndpoints)} = true needs {Key(SettingKeys.PrivateRouteTableIds)}: the private subnets' route tables, for the S3 gateway endpoint that serves ECR's image layers.");
        }
        if (settings.Production && !settings.KeyVaultNetworks.Restricted)
        {
            throw new UserError($"{source}: a production stack's Key Vault (which holds the ingress token) admits only named networks: set {Key(SettingKeys.KeyVaultAllowedIpRanges)} (the senders' egress addresses) or {Key(SettingKeys.KeyVaultAllowedSubnetIds)} (the senders' subnets).");
        }

        var outside = ReasonOtlpCrossesTheVpcBoundary(network);
        if (outside is null || network.CertificateArn is not null)
        {
            return;
        }
        if (settings.Production)
        {
            throw new UserError($"{source}: OTLP can reach this production stack from outside the VPC ({outside}), so it must arrive over TLS: set {Key(SettingKeys.CertificateArn)} to an ACM certificate for the load balancer's listeners (and {Key(SettingKeys.IngressHostName)} to the name it covers).");
        }
        if (!ingress.AllowPlaintext)
        {
            throw new UserError($"{source}: OTLP can reach this stack from outside the VPC ({outside}) and {Key(SettingKeys.CertificateArn)} is empty, so spans and the ingress token would cross networks in plain text: set {Key(SettingKeys.CertificateArn)} (and {Key(SettingKeys.IngressHostName)}), or set {Key(SettingKeys.AllowPlaintextIngress)} to true on this non-production stack.");
        }
    }

    /// <summary>Why OTLP can come from beyond the VPC (an internet-facing load balancer, or a sender CIDR outside it), or null.</summary>
    public static string? ReasonOtlpCrossesTheVpcBoundary(NetworkSettings network)
    {
        if (!network.InternalLoadBalancer)
        {
            return $"{SettingKeys.Qualified(SettingKeys.InternalLoadBalancer)} is false";
        }
        var outside = network.IngressCidrs.FirstOrDefault(cidr => !Cidr.IsWithin(cidr, network.VpcCidr));
        return outside is null ? null : $"{SettingKeys.Qualified(SettingKeys.IngressCidrs)} has {outside}, outside {SettingKeys.Qualified(SettingKeys.VpcCidr)} {network.VpcCidr}";
    }

    public static void CheckKeyVaultReaders(IReadOnlyList<string> principalIds, string source)
    {
        var duplicate = principalIds.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new UserError($"{source}: {SettingKeys.Qualified(SettingKeys.KeyVaultReaderPrincipalIds)} names {duplicate.Key} twice: each principal gets one role assignment.");
        }
    }
}
