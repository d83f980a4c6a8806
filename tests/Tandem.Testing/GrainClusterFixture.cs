using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using Orleans.Storage;
using Orleans.Streams.Filtering;
using Orleans.TestingHost;

using Tandem.Grains.Dispatch;
using Tandem.Grains.Forecasts.Signals;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Intent;
using Tandem.Grains.Inventory;
using Tandem.Grains.Interfaces.Streams;
using Tandem.Grains.Orders;
using Tandem.Grains.Returns;
using Tandem.Hosting.Configuration;

namespace Tandem.Tests.Infrastructure;

/// <summary>
/// One in-process Orleans test cluster, configured with Tandem's grain services and a fake clock that
/// tests move forward instead of sleeping.
/// </summary>
public sealed class GrainClusterFixture : InProcessClusterFixture<GrainClusterFixture.SiloConfigurator>
{
    /// <summary>The silo's clock. Configurators are created by type, so it is shared through a static.</summary>
    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    /// <summary>How often courier boards read their couriers again: short, so a test sees a lost event healed.</summary>
    public static readonly TimeSpan BoardRefresh = TimeSpan.FromSeconds(2);

    /// <summary>Where the silo reads purchase-intent models from and writes its session log: this run's own folders.</summary>
    public static string IntentFolder { get; } = Path.Combine(Path.GetTempPath(), "tandem-tests", "intent-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>How often the silo looks for a newer purchase-intent model: often, so a test sees the swap soon.</summary>
    public static readonly TimeSpan IntentReload = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The most due orders one page of a sweep wakes: small, so sweeps read many pages, yet wide enough that the thousands
    /// of orders the other tests leave to expire are woken in seconds when a test moves the clock past them and sweeps.
    /// </summary>
    public const int SweepBatch = 50;

    /// <summary>The repurchase window after a return's settlement: two days, so a test does not move the shared clock by a month.</summary>
    public static readonly TimeSpan RepurchaseWithin = TimeSpan.FromDays(2);

    /// <summary>How long a sweep waits for one grain's catch-up: short, so a test of a grain that does not answer is quick.</summary>
    public static readonly TimeSpan CatchUpWithin = TimeSpan.FromSeconds(3);

    public sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddTandemGrainServices();
            siloBuilder.Services.Configure<DispatchOptions>(o =>
            {
                o.Offers = false; // grain tests dispatch by hand
                o.BoardRefresh = BoardRefresh;
            });
            siloBuilder.Services.Configure<OrderOptions>(o =>
            {
                o.ReservationTtl = TimeSpan.FromHours(1); // holds lapse well before unpacked orders expire (24 h)
                o.MaxReservedUnitsPerShopper = int.MaxValue; // every grain test orders as one shopper; the limit is tested over HTTP
                o.SweepEvery = TimeSpan.FromHours(1); // tests sweep when they mean to, not while another test moves the clock
                o.SweepBatch = SweepBatch; // every sweep in the grain tests reads many pages
                o.CatchUpWithin = CatchUpWithin;
            });
            siloBuilder.Services.Configure<ReturnOptions>(o => o.RepurchaseWithin = RepurchaseWithin);
            siloBuilder.Services.Configure<InventoryOptions>(o =>
            {
                o.SplitAtReservationsPerSecond = 1_000_000; // grain tests split cells when they mean to (the process tests split them by load)
                o.MergeAfterQuiet = TimeSpan.FromHours(1);
            });
            siloBuilder.Services.Configure<IntentOptions>(o =>
            {
                o.ModelFolder = Path.Combine(IntentFolder, "models");
                o.LogFolder = Path.Combine(IntentFolder, "log");
                o.ReloadEvery = IntentReload;
            });
            siloBuilder.AddMemoryGrainStorage(StorageNames.PubSub);
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.AddIncomingGrainCallFilter<LapseBeforeCommit>();
            siloBuilder.AddIncomingGrainCallFilter<CourierReads>();
            siloBuilder.AddIncomingGrainCallFilter<HeldCatchUps>();
            siloBuilder.Services.AddKeyedSingleton<IStreamFilter, DroppedEvents>(StreamMap.Provider);
            siloBuilder.Services.AddKeyedSingleton<IGrainStorage, FaultyStorage>(StorageNames.Grains);
            siloBuilder.Services.AddKeyedSingleton<TimeProvider>(TandemClock.Key, Clock);
            siloBuilder.Services.AddSingleton<IDemandSignalSource>(HeldSignals.Instance);
        }
    }
}
