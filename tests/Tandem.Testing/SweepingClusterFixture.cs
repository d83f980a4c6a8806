using Microsoft.Extensions.DependencyInjection;

using Orleans.Storage;
using Orleans.TestingHost;

using Tandem.Grains.Dispatch;
using Tandem.Grains.Experiments;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Intent;
using Tandem.Grains.Kpis;
using Tandem.Grains.Orders;
using Tandem.Grains.Sessions;
using Tandem.Hosting.Configuration;

namespace Tandem.Tests.Infrastructure;

/// <summary>
/// A one-silo test cluster on the real clock whose order sweeper runs by itself every <see cref="SweepEvery"/>, and
/// whose orders and sessions are due <see cref="CatchUpAfter"/> after a write that leaves a duty unfinished: for tests of what
/// happens when nobody sweeps by hand.
/// </summary>
public sealed class SweepingClusterFixture : InProcessClusterFixture<SweepingClusterFixture.SiloConfigurator>
{
    public static readonly TimeSpan SweepEvery = TimeSpan.FromMilliseconds(200);

    public static readonly TimeSpan CatchUpAfter = TimeSpan.FromSeconds(1);

    /// <summary>How often its silo reads the running experiments again: soon, so a test sees a start without waiting long.</summary>
    public static readonly TimeSpan ExperimentsRefresh = TimeSpan.FromMilliseconds(200);

    /// <summary>How often its stock census counts by itself.</summary>
    public static readonly TimeSpan CensusEvery = TimeSpan.FromSeconds(1);

    public sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddTandemGrainServices();
            siloBuilder.Services.Configure<DispatchOptions>(o => o.Offers = false);
            siloBuilder.Services.Configure<OrderOptions>(o =>
            {
                o.SweepEvery = SweepEvery;
                o.CatchUpAfter = CatchUpAfter;
                o.MaxReservedUnitsPerShopper = int.MaxValue;
            });
            siloBuilder.Services.Configure<SessionOptions>(o => o.CatchUpAfter = CatchUpAfter);
            siloBuilder.Services.Configure<ExperimentOptions>(o => o.RefreshEvery = ExperimentsRefresh);
            siloBuilder.Services.Configure<KpiOptions>(o => o.CensusEvery = CensusEvery);
            siloBuilder.Services.Configure<IntentOptions>(o =>
            {
                o.Log = false;
                o.ModelFolder = Path.Combine(Path.GetTempPath(), "tandem-tests", "no-intent-models");
            });
            siloBuilder.AddMemoryGrainStorage(StorageNames.PubSub);
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Grains, (_, _) => FaultyStorage.Isolated()); // its sweeper sees only its own orders
        }
    }
}
