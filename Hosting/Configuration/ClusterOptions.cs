using System.Net;
using System.Net.Sockets;

namespace Tandem.Hosting.Configuration;

/// <summary>Where a silo listens and which cluster it joins; bound from <c>Tandem:Cluster</c>.</summary>
public sealed class TandemClusterOptions
{
    public const string Section = "Tandem:Cluster";

    /// <summary>Name of the connection string that switches Tandem to a PostgreSQL-backed cluster.</summary>
    public const string ConnectionStringName = "Tandem";

    /// <summary>ADO.NET provider invariant the Orleans providers load.</summary>
    public const string Invariant = "Npgsql";

    public string ClusterId { get; set; } = "tandem";

    public string ServiceId { get; set; } = "tandem";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>How long a grain call may take before it fails (and the Api answers 503).</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// How long an activation may sit idle before its silo lets it go (Orleans' own default is 2 hours): a shopper's
    /// session, a finished or waiting order, a quiet cell leave memory this long after their last call.
    /// </summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The address other silos and clients reach this silo at (cluster mode); <c>auto</c> takes this host's
    /// first IPv4 address (containers).
    /// </summary>
    public string AdvertisedIp { get; set; } = "127.0.0.1";

    /// <summary>Running in Kubernetes: pod name, namespace and IP come from the pod (Orleans.Hosting.Kubernetes).</summary>
    public bool Kubernetes { get; set; }

    public IPAddress AdvertisedAddress() =>
        AdvertisedIp == "auto"
            ? Dns.GetHostAddresses(Dns.GetHostName()).First(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            : IPAddress.Parse(AdvertisedIp);

    public static TandemClusterOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<TandemClusterOptions>() ?? new();

    /// <summary>The PostgreSQL connection string, or null in embedded (in-memory) mode.</summary>
    public static string? ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } value ? value : null;
}
