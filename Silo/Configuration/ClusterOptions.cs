namespace Tandem.Silo.Configuration;

/// <summary>Where a silo listens and which cluster it joins; bound from <c>Tandem:Cluster</c>.</summary>
public sealed class TandemClusterOptions
{
    public const string Section = "Tandem:Cluster";

    public string ClusterId { get; set; } = "tandem";

    public string ServiceId { get; set; } = "tandem";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients connect to.</summary>
    public int GatewayPort { get; set; } = 30000;
}
