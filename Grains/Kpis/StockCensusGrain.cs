using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Tandem.Contracts.Experiments;
using Tandem.Contracts.Kpis;
using Tandem.Grains.Dispatch;
using Tandem.Grains.Experiments;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Kpis;

namespace Tandem.Grains.Kpis;

/// <summary>
/// The stock census (see <see cref="IStockCensusGrain"/>). A timer counts every <see cref="KpiOptions.CensusEvery"/>, a
/// reminder wakes the grain after a silo is lost. A census asks every shard (<see cref="IStockRangeGrain"/>) to read its
/// cells (the 64 read side by side, wherever they are placed), adds up their counts and hands them over only when every
/// shard read all its cells: a census missing a few cells would read as stock gone, so a failed one is left out of the KPIs, not counted in
/// part. A running experiment's variants get their own counts: by store cell for one on the service level, else by zone.
/// </summary>
[Reentrant]
public sealed class StockCensusGrain(
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    IOptions<KpiOptions> options,
    IOptions<DispatchOptions> dispatch,
    LiveExperiments experiments,
    ILogger<StockCensusGrain> logger) : Grain, IStockCensusGrain, IRemindable
{
    public const string Reminder = "census";

    private static readonly TimeSpan KeepAlivePeriod = TimeSpan.FromMinutes(1);

    private Task _lastCensus = Task.CompletedTask;
    private StockCensus? _last;
    private bool _reminded;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var every = options.Value.CensusEvery;
        this.RegisterGrainTimer(CountOnTimerAsync, new GrainTimerCreationOptions(every, every) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public async Task StartAsync()
    {
        if (!_reminded)
        {
            await this.RegisterOrUpdateReminder(Reminder, KeepAlivePeriod, KeepAlivePeriod);
            _reminded = true;
        }
    }

    /// <summary>One census at a time: a call arriving during the timer's census waits for it, then counts again.</summary>
    public async Task<StockCensus> TakeAsync()
    {
        var (previous, done) = (_lastCensus, new TaskCompletionSource());
        _lastCensus = done.Task;
        try
        {
            await previous;
            return await CountAsync();
        }
        finally
        {
            done.SetResult();
        }
    }

    public Task<StockCensus?> GetLastAsync() => Task.FromResult(_last);

    /// <summary>Nothing to do: being activated by the reminder starts the timer.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private async Task CountOnTimerAsync()
    {
        try
        {
            await TakeAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.CensusFailed(ex);
        }
    }

    private async Task<StockCensus> CountAsync()
    {
        var now = clock.GetUtcNow();
        var regionOf = (await GrainFactory.Catalog().GetLocationsAsync()).ToDictionary(l => l.Id, l => dispatch.Value.ZoneOf(l.Position), StringComparer.Ordinal);
        var running = await experiments.GetAsync();
        var byCell = running.Where(e => ExperimentLayers.Settings(e.Definition).Contains(nameof(VariantSettings.ServiceLevel))).ToList(); // read once, not per cell
        var reading = new StockReading { RegionOf = regionOf, ByCell = byCell, At = now };
        var shards = await Task.WhenAll(Enumerable.Range(0, IStockRangeGrain.Shards).Select(s => GrainFactory.StockRange(s).CountAsync(reading))); // each shard reads its own cells
        var counts = new SortedDictionary<string, StockTally>(StringComparer.Ordinal);
        var arms = new Dictionary<(string ExperimentId, int Variant), StockTally>();
        foreach (var shard in shards)
        {
            foreach (var region in shard.Regions)
            {
                StockTally.Of(counts, region.Region).Add(region);
            }

            foreach (var arm in shard.Arms)
            {
                StockTally.Of(arms, (arm.ExperimentId, arm.Variant)).Add(arm.Count);
            }
        }

        foreach (var (region, tally) in counts)
        {
            foreach (var arm in ExperimentUnits.ZoneArms(running, region).Where(a => !byCell.Exists(e => e.Definition.Id == a.ExperimentId)))
            {
                StockTally.Of(arms, arm).Add(tally.Count(region));
            }
        }

        var city = new StockTally();
        foreach (var (region, tally) in counts)
        {
            city.Add(tally.Count(region));
        }

        var census = new StockCensus
        {
            At = now,
            City = city.Count(IKpiGrain.Overall),
            Regions = [.. counts.Select(c => c.Value.Count(c.Key))],
        };
        if (census.City.Cells == 0)
        {
            return _last = census; // nothing stocked: nothing to count
        }

        // The census is the last one from when its counts are known, before its facts reach the KPI grains: whoever sees a
        // region's count there finds the census it came from (or a later one) here.
        _last = census;
        var minute = KpiState.MinuteOf(now);
        await Task.WhenAll([
            .. census.Regions.Select(r => GrainFactory.Kpi(r.Region).RecordAsync(Facts(r, minute, now))),
            GrainFactory.Kpi(IKpiGrain.Overall).RecordAsync(Facts(census.City, minute, now)),
            .. arms.Select(a => GrainFactory.KpiArm(a.Key.ExperimentId, a.Key.Variant).RecordAsync(Facts(a.Value.Count(IKpiGrain.ArmKey(a.Key.ExperimentId, a.Key.Variant)), minute, now))),
        ]);
        return census;
    }

    private static KpiFact[] Facts(StockCount count, long minute, DateTimeOffset at) =>
    [
        new() { Id = $"census:{minute}:level", Measure = KpiMeasure.StockLevel, At = at, Value = count.Units },
        new() { Id = $"census:{minute}:cells", Measure = KpiMeasure.StockCells, At = at, Value = count.Cells },
        new() { Id = $"census:{minute}:out", Measure = KpiMeasure.StockOut, At = at, Value = count.OutOfStock },
    ];
}
