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
/// reminder wakes the grain after a silo is lost. A census reads the cells' list from every shard
/// (<see cref="IStockRangeGrain"/>), then every cell, a batch at a time, and hands its counts over only when it read them
/// all: a census missing a few cells would read as stock gone, so a failed one is left out of the KPIs, not counted in
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

    /// <summary>Cells read at once.</summary>
    private const int ReadBatch = 256;

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
        var listed = await Task.WhenAll(Enumerable.Range(0, IStockRangeGrain.Shards).Select(s => GrainFactory.StockRange(s).GetAsync()));
        var cells = listed.SelectMany(l => l).Select(CellKey.Parse).Where(k => regionOf.ContainsKey(k.LocationId)).ToList(); // taken now: cells joining later are in the next census
        var running = await experiments.GetAsync();
        var byCell = running.Where(e => ExperimentLayers.Settings(e.Definition).Contains(nameof(VariantSettings.ServiceLevel))).ToList(); // read once, not per cell
        var counts = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var arms = new Dictionary<(string ExperimentId, int Variant), Tally>();
        foreach (var batch in cells.Chunk(ReadBatch))
        {
            var read = await Task.WhenAll(batch.Select(k => GrainFactory.Cell(k).GetSnapshotAsync()));
            for (var i = 0; i < batch.Length; i++)
            {
                var region = regionOf[batch[i].LocationId];
                Of(counts, region).Add(read[i].OnHand, read[i].Available);
                foreach (var arm in CellArms(byCell, batch[i], region))
                {
                    Of(arms, arm).Add(read[i].OnHand, read[i].Available);
                }
            }
        }

        foreach (var (region, tally) in counts)
        {
            foreach (var arm in ExperimentUnits.ZoneArms(running, region).Where(a => !byCell.Exists(e => e.Definition.Id == a.ExperimentId)))
            {
                Of(arms, arm).Add(tally);
            }
        }

        var city = new Tally();
        foreach (var tally in counts.Values)
        {
            city.Add(tally);
        }

        var census = new StockCensus
        {
            At = now,
            City = city.Count(IKpiGrain.Overall),
            Regions = [.. counts.Select(c => c.Value.Count(c.Key))],
        };
        if (cells.Count == 0)
        {
            return _last = census; // nothing stocked: nothing to count
        }

        var minute = KpiState.MinuteOf(now);
        await Task.WhenAll([
            .. census.Regions.Select(r => GrainFactory.Kpi(r.Region).RecordAsync(Facts(r, minute, now))),
            GrainFactory.Kpi(IKpiGrain.Overall).RecordAsync(Facts(census.City, minute, now)),
            .. arms.Select(a => GrainFactory.KpiArm(a.Key.ExperimentId, a.Key.Variant).RecordAsync(Facts(a.Value.Count(IKpiGrain.ArmKey(a.Key.ExperimentId, a.Key.Variant)), minute, now))),
        ]);
        return _last = census;
    }

    private static Tally Of<TKey>(IDictionary<TKey, Tally> tallies, TKey key)
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tallies[key] = tally = new Tally();
        }

        return tally;
    }

    /// <summary>The variants <paramref name="byCell"/> (experiments on the service level, which assign store cells) put the cell in.</summary>
    private static IEnumerable<(string ExperimentId, int Variant)> CellArms(List<ExperimentView> byCell, CellKey cell, string region) =>
        byCell
            .Select(e => (e.Definition.Id, Variant: ExperimentUnits.AssignSupply(e, cell.ToString(), region)))
            .Where(a => a.Variant >= 0);

    private static KpiFact[] Facts(StockCount count, long minute, DateTimeOffset at) =>
    [
        new() { Id = $"census:{minute}:level", Measure = KpiMeasure.StockLevel, At = at, Value = count.Units },
        new() { Id = $"census:{minute}:cells", Measure = KpiMeasure.StockCells, At = at, Value = count.Cells },
        new() { Id = $"census:{minute}:out", Measure = KpiMeasure.StockOut, At = at, Value = count.OutOfStock },
    ];

    private sealed class Tally
    {
        private int _cells;
        private int _out;
        private long _units;

        public void Add(int onHand, int available)
        {
            _cells++;
            _out += available <= 0 ? 1 : 0;
            _units += onHand;
        }

        public void Add(Tally other)
        {
            _cells += other._cells;
            _out += other._out;
            _units += other._units;
        }

        public StockCount Count(string region) => new() { Region = region, Cells = _cells, OutOfStock = _out, Units = _units };
    }
}
