using Microsoft.Extensions.DependencyInjection.Extensions;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Streams;
using Tandem.Grains.Orders;

namespace Tandem.Silo.Configuration;

/// <summary>
/// The one place a Tandem silo is configured: clustering, grain storage, streams and grain services.
/// Both the silo-only host and the Api's embedded silo call <see cref="UseTandem"/>.
/// </summary>
public static class SiloConfiguration
{
    public static ISiloBuilder UseTandem(this ISiloBuilder silo, IConfiguration configuration)
    {
        var cluster = configuration.GetSection(TandemClusterOptions.Section).Get<TandemClusterOptions>() ?? new();
        silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        return silo.AddTandemGrainServices();
    }

    /// <summary>Storage, streams and the services grains depend on; clustering is left to the caller.</summary>
    public static ISiloBuilder AddTandemGrainServices(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(StorageNames.Grains, o => o.GrainStorageSerializer = new StateSerializer());
        silo.AddMemoryGrainStorage(StorageNames.PubSub);
        silo.AddMemoryStreams(StreamMap.Provider);

        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddKeyedSingleton(TandemClock.Key, TimeProvider.System);
        silo.Services.AddOptions<OrderOptions>().BindConfiguration("Tandem:Orders");
        return silo;
    }
}
