using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

using Npgsql;

using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Storage;

using Tandem.Grains.Catalog;
using Tandem.Grains.Demand;
using Tandem.Grains.Dispatch;
using Tandem.Grains.Experiments;
using Tandem.Grains.Forecasts;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Intent;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Streams;
using Tandem.Grains.Inventory;
using Tandem.Grains.Kpis;
using Tandem.Grains.Orders;
using Tandem.Grains.Packing;
using Tandem.Grains.Returns;
using Tandem.Grains.Push;
using Tandem.Grains.Sessions;
using Tandem.Grains.Weather;
using Tandem.Hosting.Database;
using Tandem.Hosting.Demo;
using Tandem.Hosting.Facts;
using Tandem.Hosting.Storage;

namespace Tandem.Hosting.Configuration;

/// <summary>
/// The one place a Tandem silo is configured: clustering, grain storage, reminders, streams and grain
/// services. Without a <c>ConnectionStrings:Tandem</c> it is a single in-memory silo on localhost; with
/// one it joins a PostgreSQL-backed cluster.
/// </summary>
public static class SiloConfiguration
{
    /// <summary>A silo host: schema migrations first (cluster mode), then the silo, then the demo data.</summary>
    public static IHostApplicationBuilder AddTandemSilo(this IHostApplicationBuilder builder)
    {
        if (TandemClusterOptions.ConnectionString(builder.Configuration) is { } connectionString)
        {
            builder.Services.AddSingleton(sp => new PostgresMigrator(connectionString, sp.GetRequiredService<ILogger<PostgresMigrator>>()));
            builder.Services.AddHostedService<MigrationService>();
        }

        builder.UseOrleans(silo => silo.UseTandem(builder.Configuration));
        builder.Services.AddTandemDemo();
        builder.AddTandemMetrics();
        return builder;
    }

    public static ISiloBuilder UseTandem(this ISiloBuilder silo, IConfiguration configuration)
    {
        var cluster = TandemClusterOptions.From(configuration);
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout);
        silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = cluster.CollectionAge);
        if (DashboardEnabled(configuration))
        {
            silo.AddDashboard(); // profiles every grain call for its charts
        }
        if (TandemClusterOptions.ConnectionString(configuration) is not { } connectionString)
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
            silo.AddTandemEmbeddedGrainStorage(StorageNames.Grains, new StateSerializer());
            silo.AddMemoryGrainStorage(StorageNames.PubSub);
            silo.UseInMemoryReminderService();
            return silo.AddTandemGrainServices();
        }

        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
        silo.ConfigureEndpoints(cluster.AdvertisedAddress(), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
        if (cluster.Kubernetes)
        {
            silo.UseKubernetesHosting();
        }

        silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (TandemClusterOptions.Invariant, connectionString));
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            // Declare a silo that stopped answering dead within seconds, so its grains move quickly.
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.NumMissedProbesLimit = 2;
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        });
        silo.AddTandemPostgresGrainStorage(StorageNames.Grains, connectionString, new StateSerializer());
        silo.Services.AddKeyedSingleton(FactsDatabase, (_, _) => NpgsqlDataSource.Create(connectionString)); // one pool for the facts tables
        silo.Services.AddSingleton<IDemandFacts>(sp => new PostgresDemandFacts(sp.GetRequiredKeyedService<NpgsqlDataSource>(FactsDatabase), sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        silo.Services.AddSingleton<IKpiFacts>(sp => new PostgresKpiFacts(sp.GetRequiredKeyedService<NpgsqlDataSource>(FactsDatabase), sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        silo.AddAdoNetGrainStorage(StorageNames.PubSub, o => (o.Invariant, o.ConnectionString) = (TandemClusterOptions.Invariant, connectionString));
        silo.UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = (TandemClusterOptions.Invariant, connectionString));
        return silo.AddTandemGrainServices();
    }

    /// <summary>The key of the one PostgreSQL data source the facts tables (demand, forecasts, KPIs) are written through.</summary>
    private const string FactsDatabase = "facts";

    /// <summary>How long a stream queue's agent waits after finding its queue empty (default 10 ms; Orleans' own default is 100 ms).</summary>
    public const string PollEveryKey = "Tandem:Streams:PollEvery";

    /// <summary>The Orleans Dashboard (<c>Tandem:Dashboard:Enabled</c>, on by default).</summary>
    public static bool DashboardEnabled(IConfiguration configuration) => configuration.GetValue("Tandem:Dashboard:Enabled", true);

    /// <summary>Streams and the services grains depend on; clustering and storage are left to the caller.</summary>
    public static ISiloBuilder AddTandemGrainServices(this ISiloBuilder silo)
    {
        silo.AddMemoryStreams(StreamMap.Provider);
        // How long a stream queue's agent waits after finding its queue empty: each hop of an event (a session's change to
        // its recommender, the picks to the Api's relay) waits up to this long when the system is quiet.
        silo.Services.AddOptions<StreamPullingAgentOptions>(StreamMap.Provider).Configure<IConfiguration>((o, configuration) =>
        {
            var pollEvery = configuration.GetValue(PollEveryKey, TimeSpan.FromMilliseconds(10));
            o.GetQueueMsgsTimerPeriod = pollEvery > TimeSpan.Zero && pollEvery <= TimeSpan.FromSeconds(10)
                ? pollEvery
                : throw new InvalidOperationException($"{PollEveryKey} must be above zero and at most 10 s, not {pollEvery}.");
        });
        silo.Services.AddTandemExceptionSerialization();
        silo.Services.AddGrainInterfaceTypeCache();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddKeyedSingleton(TandemClock.Key, TimeProvider.System);
        silo.Services.TryAddSingleton<CatalogFacts>();
        silo.Services.TryAddSingleton(sp => sp.GetKeyedService<IGrainStorage>(StorageNames.Grains) as IDueStates
            ?? throw new InvalidOperationException($"The grain storage '{StorageNames.Grains}' keeps no due times ({nameof(IDueStates)}): no order could be woken."));
        silo.Services.AddInventory().AddOrders().AddSessions().AddIntent().AddDispatch().AddWeather().AddForecasting().AddPush().AddReturns().AddPacking().AddExperiments().AddKpis();
        silo.AddStartupTask((services, _) => services.GetRequiredService<IGrainFactory>().OrderSweeper().StartAsync());
        return silo;
    }
}
