using Orleans.Configuration;
using Orleans.Dashboard;

using Tandem.Grains.Interfaces.Streams;

namespace Tandem.Hosting.Configuration;

/// <summary>An Orleans client of a PostgreSQL-backed Tandem cluster: gateways come from the membership table.</summary>
public static class ClientConfiguration
{
    public static IClientBuilder UseTandemCluster(this IClientBuilder client, IConfiguration configuration)
    {
        var cluster = TandemClusterOptions.From(configuration);
        var connectionString = TandemClusterOptions.ConnectionString(configuration)
            ?? throw new InvalidOperationException($"Cluster mode needs ConnectionStrings:{TandemClusterOptions.ConnectionStringName}.");
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout);
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (TandemClusterOptions.Invariant, connectionString));
        client.AddMemoryStreams(StreamMap.Provider);
        client.Services.AddTandemExceptionSerialization();
        client.Services.AddGrainInterfaceTypeCache();
        if (SiloConfiguration.DashboardEnabled(configuration))
        {
            client.AddDashboard();
        }
        return client;
    }
}
