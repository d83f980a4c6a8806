using System.Diagnostics;
using System.Globalization;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Tandem.Brains.Forecasting;
using Tandem.Brains.Recommendations;
using Tandem.Brains.Supply;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Forecasts;
using Tandem.Contracts.Supply;
using Tandem.Grains.Dispatch;
using Tandem.Grains.Experiments;
using Tandem.Grains.Forecasts.Signals;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Forecasts;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Forecasts;

/// <summary>
/// Plans and runs the re-forecasts; see <see cref="IForecastPlannerGrain"/>. A round reads every known cell's demand (the
/// global model learns from all of them), trains when the served model is missing or old (off the grain's thread, while
/// sales keep marking cells), forecasts the waiting cells (all of them after training), simulates each one's lead-time
/// demand against what its inventory cell has available, and hands each forecast to its forecast grain. Rounds run on a
/// timer that interleaves, so marking a cell never waits for a round; a reminder brings the planner back after a silo dies.
/// The waiting set is saved with each new known cell and each round: cells marked since the last save and lost with a
/// silo are forecast again at the next training.
/// </summary>
public sealed class ForecastPlannerGrain(
    [PersistentState("forecast-planner", StorageNames.Grains)] IPersistentState<ForecastPlannerState> state,
    IOptions<ForecastingOptions> options,
    IDemandSignalSource source,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    LiveExperiments experiments,
    IOptions<DispatchOptions> dispatch,
    ILogger<ForecastPlannerGrain> logger) : Grain, IForecastPlannerGrain, IRemindable
{
    public const string Reminder = "reforecast";

    private const int KeptRounds = 20;
    private const int ReadBatch = 256;

    private Task _lastWrite = Task.CompletedTask;
    private Task _lastRound = Task.CompletedTask;
    /// <summary>How many cells at risk the planner's view lists.</summary>
    public const int AtRiskShown = 50;

    private readonly Dictionary<string, CellRisk> _risks = new(StringComparer.Ordinal);
    private ServedForecaster? _served;
    private bool _reminded;

    private ForecastPlannerState S => state.State;

    private ForecastingOptions Options => options.Value;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(
            async () =>
            {
                try
                {
                    await RunAsync();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.ForecastRoundFailed(ex);
                }
            },
            new GrainTimerCreationOptions(TimeSpan.FromSeconds(5), Options.Every) { Interleave = true, KeepAlive = true });
        return Task.CompletedTask;
    }

    public Task ChangedAsync(string cell) => ChangedManyAsync([cell]);

    public async Task ChangedManyAsync(IReadOnlyList<string> cells)
    {
        foreach (var cell in cells)
        {
            _ = CellKey.Parse(cell);
        }

        if (!_reminded)
        {
            _reminded = true;
            await this.RegisterOrUpdateReminder(Reminder, Options.Every, Options.Every);
        }

        var known = S.Known.Count;
        S.Waiting.UnionWith(cells);
        S.Known.UnionWith(cells);
        if (S.Known.Count != known)
        {
            await WriteAsync();
        }
    }

    /// <summary>One round at a time: a call arriving during the timer's round waits for it, then runs its own.</summary>
    public async Task<ForecastRound> RunAsync()
    {
        var (previous, done) = (_lastRound, new TaskCompletionSource());
        _lastRound = done.Task;
        try
        {
            await previous;
            return await RoundAsync();
        }
        finally
        {
            done.SetResult();
        }
    }

    public Task<IReadOnlyList<string>> GetCellsAsync() => Task.FromResult<IReadOnlyList<string>>([.. S.Known]);

    public Task<ForecastPlannerView> GetAsync() => Task.FromResult(new ForecastPlannerView
    {
        KnownCells = S.Known.Count,
        Waiting = S.Waiting.Count,
        ModelVersion = _served?.Version,
        Rounds = [.. S.Rounds],
        AtRisk = [.. _risks.Values.OrderByDescending(r => r.StockOutRisk).ThenBy(r => r.Available - r.ReorderPoint).ThenBy(r => r.Sku, StringComparer.Ordinal).Take(AtRiskShown)],
    });

    /// <summary>Nothing to do: being activated by the reminder starts the timer, whose rounds interleave with marking.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private async Task<ForecastRound> RoundAsync()
    {
        var clockStarted = Stopwatch.StartNew();
        var now = clock.GetUtcNow();
        var retrain = _served is null || now - _served.TrainedAt >= Options.RetrainEvery;
        if (S.Waiting.Count == 0 && !retrain)
        {
            return new ForecastRound { At = now, ModelVersion = _served?.Version ?? "none" };
        }

        var waiting = S.Waiting;
        S.Waiting = new HashSet<string>(StringComparer.Ordinal);
        var runId = Guid.CreateVersion7(now).ToString();
        try
        {
            var origin = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
            var cells = S.Known.Order(StringComparer.Ordinal).ToList();
            var histories = new List<Interfaces.Demand.DemandHistory>(cells.Count);
            foreach (var batch in cells.Chunk(ReadBatch))
            {
                histories.AddRange(await Task.WhenAll(batch.Select(c => GrainFactory.Demand(CellKey.Parse(c)).GetAsync())));
            }

            var skus = cells.Select(c => CellKey.Parse(c).Sku).Distinct(StringComparer.Ordinal).ToList();
            var categories = (await GrainFactory.Catalog().GetProductsAsync(skus)).ToDictionary(p => p.Sku, p => p.Category, StringComparer.Ordinal);
            var readings = await ReadSignalsAsync(origin);
            var panel = await Task.Run(() => DemandPanels.Build(histories, categories, readings, origin));
            if (panel is null || panel.Days < 29)
            {
                S.Waiting.UnionWith(waiting);
                return await RecordAsync(new ForecastRound { At = now, ModelVersion = "none: under 29 days of history", Seconds = clockStarted.Elapsed.TotalSeconds, RunId = runId });
            }

            if (retrain || _served is null)
            {
                _served = await Task.Run(() => Train(panel, now));
            }

            var served = _served;
            var forecasts = await Task.Run(() => served.Forecaster.Forecast(panel, panel.Days - 1, retrain ? null : s => waiting.Contains(s.Key), explain: true));
            var series = panel.Series.ToDictionary(s => s.Key, StringComparer.Ordinal);
            var observed = await GrainFactory.SupplyPlan().GetLeadTimesAsync();
            var leadTimes = observed.Count >= Options.ObservedLeadTimesFrom
                ? (Days: observed, From: $"{observed.Count} received transfers")
                : (Days: (IReadOnlyList<int>)Options.LeadTimes, From: "configured");
            var levels = await ServiceLevelsAsync(now);
            foreach (var batch in forecasts.Chunk(ReadBatch))
            {
                await Task.WhenAll(batch.Select(f => HandOverAsync(f, series[f.Key], panel, origin, now, leadTimes, levels.For(CellKey.Parse(f.Key)), runId)));
            }

            await levels.ExposeAsync(GrainFactory, logger);

            if (forecasts.Count > 0)
            {
                var warehouseStock = await SuggestAsync(origin, now);
                await ReviewSlowMoversAsync(panel, origin, warehouseStock);
            }

            return await RecordAsync(new ForecastRound { At = now, Cells = forecasts.Count, ModelVersion = _served.Version, Retrained = retrain, Seconds = clockStarted.Elapsed.TotalSeconds, RunId = runId });
        }
        catch
        {
            S.Waiting.UnionWith(waiting);
            throw;
        }
    }

    private ServedForecaster Train(DemandPanel panel, DateTimeOffset now)
    {
        var cutoff = panel.Days - 1;
        var active = panel.Series.Count(s => s.FirstSale >= 0);
        if (panel.Days >= Options.ModelDays && active >= Options.ModelCells)
        {
            try
            {
                var trained = DemandForecaster.Train(panel, cutoff, new ForecastOptions { TrainingOrigins = Options.TrainingWeeks });
                return new ServedForecaster(trained, now, string.Create(CultureInfo.InvariantCulture, $"lightgbm {now:yyyy-MM-dd'T'HH:mm}Z, {trained.Model!.Rows:N0} rows, {active} cells, {panel.Days} days"));
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                logger.ForecastTrainingFailed(ex);
            }
        }

        return new ServedForecaster(DemandForecaster.FallbackOnly(panel, cutoff, new ForecastOptions { TrainingOrigins = Options.TrainingWeeks }), now, string.Create(CultureInfo.InvariantCulture, $"fallback only {now:yyyy-MM-dd'T'HH:mm}Z ({panel.Days} days, {active} cells; the model needs {Options.ModelDays} days and {Options.ModelCells} cells)"));
    }

    private async Task<IReadOnlyList<SignalReading>> ReadSignalsAsync(DateOnly origin)
    {
        try
        {
            return await source.ReadAsync(origin.AddDays(1 - Interfaces.Demand.IDemandGrain.KeptDays), origin, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or InvalidDataException or TaskCanceledException or UnauthorizedAccessException)
        {
            logger.ForecastSignalsFailed(ex, source.Name);
            return [];
        }
    }

    /// <summary>The service level each cell's stock is set for this round: a running experiment's variant's, or the product's.</summary>
    private async Task<ServiceLevels> ServiceLevelsAsync(DateTimeOffset now)
    {
        var regionOf = (await GrainFactory.Catalog().GetLocationsAsync()).ToDictionary(l => l.Id, l => dispatch.Value.ZoneOf(l.Position), StringComparer.Ordinal);
        return new ServiceLevels(await experiments.GetAsync(), regionOf, Options.ServiceLevel, now);
    }

    private async Task HandOverAsync(SeriesForecast forecast, DemandSeries series, DemandPanel panel, DateOnly origin, DateTimeOffset now, (IReadOnlyList<int> Days, string From) leadTimes, (double Level, string? Experiment) service, string runId)
    {
        var key = CellKey.Parse(forecast.Key);
        var snapshot = await GrainFactory.Cell(key).GetSnapshotAsync();
        var demand = LeadTimeDemand.Simulate(forecast, leadTimes.Days, Options.Paths, new Random(Fnv1a.Of($"{forecast.Key}|{origin:yyyy-MM-dd}")));
        var point = demand.ReorderPoint(service.Level);
        var last = series.LastSaleBefore(panel.Days);
        var days = forecast.Mean.Select((mean, i) => new ForecastDay
        {
            Day = origin.AddDays(i + 1),
            Mean = Math.Round(mean, 3),
            P10 = Math.Round(forecast.Quantiles[0.1][i], 3),
            P50 = Math.Round(forecast.Quantiles[0.5][i], 3),
            P90 = Math.Round(forecast.Quantiles[0.9][i], 3),
        }).ToList();
        var cellForecast = new CellForecast
        {
            Sku = key.Sku,
            LocationId = key.LocationId,
            MadeAt = now,
            Origin = origin,
            Stage = forecast.Stage.ToString().ToLowerInvariant(),
            ModelVersion = $"{_served!.Version}; signals: {source.Name}",
            ModelWeight = forecast.ModelWeight,
            Fallback = forecast.Stage switch { LifecycleStage.New => "family prior", LifecycleStage.Intermittent => "TSB", _ => "exponential smoothing" },
            Days = days,
            Signals = [.. forecast.SignalEffects.Select(e => new SignalEffect { Signal = e.Key.ToString(), Reading = Math.Round(panel.Signals.LastWeek(e.Key, panel.Days - 1), 3), Units = Math.Round(e.Value, 3) })],
            Stock = new StockAdvice
            {
                ServiceLevel = service.Level,
                Experiment = service.Experiment,
                LeadTimes = leadTimes.Days,
                LeadTimesFrom = leadTimes.From,
                ExpectedLeadTimeDemand = Math.Round(demand.Expected, 3),
                ReorderPoint = Math.Ceiling(point),
                SafetyStock = Math.Round(Math.Ceiling(point) - demand.Expected, 3),
                Available = snapshot.Available,
                StockOutRisk = Math.Round(demand.StockOutRisk(snapshot.Available), 4),
                Paths = demand.Paths,
            },
            HistoryDays = series.FirstSale < 0 ? 0 : panel.Days - series.FirstSale,
            LastSale = last < 0 ? null : panel.Calendar.Date(last),
            RunId = runId,
        };
        _risks[forecast.Key] = new CellRisk
        {
            Sku = key.Sku,
            LocationId = key.LocationId,
            Stage = cellForecast.Stage,
            Available = snapshot.Available,
            ReorderPoint = cellForecast.Stock.ReorderPoint,
            StockOutRisk = cellForecast.Stock.StockOutRisk,
            NextWeek = days.Take(7).Sum(d => d.Mean), // the published days' means: a suggestion follows from the forecast as shown
            NextFourWeeks = days.Take(28).Sum(d => d.Mean),
            MadeAt = now,
        };
        await GrainFactory.Forecast(key).SetAsync(cellForecast);
    }

    /// <summary>
    /// Replenishment: every store cell whose stock and units on the way fall below its reorder point gets a suggestion to
    /// bring it up to its reorder point plus the next week's expected sales, from the nearest warehouse holding all of it,
    /// else the one holding the most (the rest from the supplier).
    /// </summary>
    /// <returns>What the warehouses hold of every SKU with a forecast store cell.</returns>
    private async Task<Dictionary<string, IReadOnlyList<(string WarehouseId, int Available)>>> SuggestAsync(DateOnly origin, DateTimeOffset now)
    {
        var locations = await GrainFactory.Catalog().GetLocationsAsync();
        var stores = locations.Where(l => l.Kind == LocationKind.Store).Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var warehouseAt = locations.Where(l => l.Kind == LocationKind.Warehouse).ToList();
        var warehouses = warehouseAt.Select(l => l.Id).ToList();
        var inTransit = await GrainFactory.SupplyPlan().InTransitAsync(); // accepted, not yet received: counted, or each day would suggest it again
        var needs = _risks
            .Where(r => stores.Contains(r.Value.LocationId))
            .Select(r => new StoreNeed(r.Value.Sku, r.Value.LocationId, r.Value.Available + inTransit.GetValueOrDefault(r.Key), r.Value.ReorderPoint, r.Value.NextWeek, r.Value.StockOutRisk))
            .Where(n => n.Available < n.ReorderPoint)
            .ToList();
        var stock = new Dictionary<string, IReadOnlyList<(string WarehouseId, int Available)>>(StringComparer.Ordinal);
        foreach (var batch in _risks.Values.Select(r => r.Sku).Distinct(StringComparer.Ordinal).Chunk(Math.Max(1, ReadBatch / Math.Max(1, warehouses.Count))))
        {
            var read = await Task.WhenAll(batch.Select(async sku =>
                (sku, (IReadOnlyList<(string, int)>)[.. (await Task.WhenAll(warehouses.Select(w => GrainFactory.Cell(new CellKey(sku, w)).GetSnapshotAsync()))).Select((c, i) => (warehouses[i], c.Available))])));
            foreach (var (sku, cells) in read)
            {
                stock[sku] = cells;
            }
        }

        var nearestFirst = locations.Where(l => stores.Contains(l.Id)).ToDictionary(
            l => l.Id,
            l => (IReadOnlyList<string>)[.. warehouseAt.OrderBy(w => w.Position.DistanceKm(l.Position)).Select(w => w.Id)],
            StringComparer.Ordinal);
        var suggestions = Replenishment.Plan(needs, stock, nearestFirst).Select(m => new SupplySuggestion
        {
            Id = "sg-" + Fnv1a.Hex64($"{m.Need.Sku}@{m.Need.StoreId}|{m.FromWarehouseId ?? "supplier"}|{origin:yyyyMMdd}"),
            Sku = m.Need.Sku,
            FromLocationId = m.FromWarehouseId,
            ToLocationId = m.Need.StoreId,
            Quantity = m.Quantity,
            Reason = string.Create(CultureInfo.InvariantCulture,
                $"{(inTransit.GetValueOrDefault(new CellKey(m.Need.Sku, m.Need.StoreId).ToString()) is > 0 and var coming ? $"{m.Need.Available - coming} available and {coming} on the way" : $"{m.Need.Available} available")} against a reorder point of {m.Need.ReorderPoint:0} ({m.Need.StockOutRisk:P0} risk of running out); up to {m.Wanted + m.Need.Available} with the next week's {m.Need.ReviewPeriodDemand:0.#} expected{(m.FromWarehouseId is null ? m.Quantity < m.Wanted ? "; the warehouses have too few" : "; no warehouse has any" : "")}"),
            StockOutRisk = m.Need.StockOutRisk,
            SuggestedAt = now,
        }).ToList();
        suggestions.AddRange(Rebalance(locations, nearestFirst, stock, inTransit, suggestions, origin, now));
        await GrainFactory.SupplyPlan().ReplaceAsync(suggestions);
        return stock;
    }

    /// <summary>
    /// Regional pre-positioning: each warehouse's region is the stores nearest it, its need their next four weeks'
    /// forecasts; a warehouse holding less (with units on their way, after this round's moves to stores) is sent what it
    /// lacks from the warehouse with the most to spare beyond its own region's need.
    /// </summary>
    private IEnumerable<SupplySuggestion> Rebalance(
        IReadOnlyList<Location> locations,
        Dictionary<string, IReadOnlyList<string>> nearestFirst,
        Dictionary<string, IReadOnlyList<(string WarehouseId, int Available)>> stock,
        IReadOnlyDictionary<string, int> inTransit,
        List<SupplySuggestion> toStores,
        DateOnly origin,
        DateTimeOffset now)
    {
        var names = locations.ToDictionary(l => l.Id, l => l.Name, StringComparer.Ordinal);
        var taken = toStores.Where(s => s.FromLocationId is not null).GroupBy(s => (s.Sku, s.FromLocationId!)).ToDictionary(g => g.Key, g => g.Sum(s => s.Quantity));
        var nearest = nearestFirst.Where(n => n.Value.Count > 0).ToDictionary(n => n.Key, n => n.Value[0], StringComparer.Ordinal);
        var need = _risks.Values
            .Where(r => nearest.ContainsKey(r.LocationId))
            .GroupBy(r => (r.Sku, Warehouse: nearest[r.LocationId]))
            .ToDictionary(g => g.Key, g => g.Sum(r => r.NextFourWeeks));
        var regions = stock.Where(s => s.Value.Count > 1).SelectMany(s => s.Value.Select(w => new RegionStock(
            s.Key,
            w.WarehouseId,
            w.Available - taken.GetValueOrDefault((s.Key, w.WarehouseId)) + inTransit.GetValueOrDefault(new CellKey(s.Key, w.WarehouseId).ToString()),
            need.GetValueOrDefault((s.Key, w.WarehouseId))))).ToList();
        return RegionalAllocation.Plan(regions).Select(m => new SupplySuggestion
        {
            Id = "sg-" + Fnv1a.Hex64($"{m.Sku}@{m.ToWarehouseId}|{m.FromWarehouseId}|{origin:yyyyMMdd}"),
            Sku = m.Sku,
            FromLocationId = m.FromWarehouseId,
            ToLocationId = m.ToWarehouseId,
            Quantity = m.Quantity,
            Reason = string.Create(CultureInfo.InvariantCulture,
                $"the stores nearest {names.GetValueOrDefault(m.ToWarehouseId, m.ToWarehouseId)} expect to sell {m.To.Need:0.#} in four weeks, it holds {m.To.Available}; {names.GetValueOrDefault(m.FromWarehouseId, m.FromWarehouseId)} holds {m.From.Available} against its stores' {m.From.Need:0.#}"),
            StockOutRisk = m.To.Need <= 0 ? 0 : Math.Round(Math.Clamp(1 - (m.To.Available / m.To.Need), 0, 1), 4),
            SuggestedAt = now,
        });
    }

    /// <summary>
    /// Slow movers: each SKU's stock across its stores and warehouses against its last four weeks' sales and its next
    /// four weeks' forecast; the flagged ones go to the slow-movers grain (which promotes them), with every flagged SKU's
    /// sales since its flag for the promotion's effect.
    /// </summary>
    private async Task ReviewSlowMoversAsync(DemandPanel panel, DateOnly origin, Dictionary<string, IReadOnlyList<(string WarehouseId, int Available)>> warehouseStock)
    {
        var sold = panel.Series.GroupBy(s => s.Item, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var flagged = _risks.Values.GroupBy(r => r.Sku, StringComparer.Ordinal)
            .Select(g => SlowMovers.Judge(new SkuStock(
                g.Key,
                g.Sum(r => r.Available) + warehouseStock.GetValueOrDefault(g.Key, []).Sum(w => w.Available),
                sold.GetValueOrDefault(g.Key, []).Sum(s => s.UnitsBetween(panel.Days - 28, panel.Days)),
                g.Sum(r => r.NextFourWeeks),
                panel.Days - sold.GetValueOrDefault(g.Key, []).Where(s => s.FirstSale >= 0).Select(s => s.FirstSale).DefaultIfEmpty(panel.Days).Min())))
            .OfType<SlowMover>()
            .Select(m => new SlowMoverView
            {
                Sku = m.Sku,
                FlaggedAt = DateTimeOffset.MinValue,
                CoverWeeks = Math.Round(m.CoverWeeks, 1),
                SellThrough = Math.Round(m.SellThrough, 3),
                Available = m.Available,
                SoldPerDayBefore = Math.Round(m.SoldPerDay, 3),
                Reason = string.Create(CultureInfo.InvariantCulture, $"Slow mover: {m.Available} in stock, {(m.CoverWeeks >= SlowMovers.NoEnd ? "no end" : $"{m.CoverWeeks:0.#} weeks")} of cover, {m.SellThrough:P0} sold in four weeks"),
            })
            .ToList();
        // Whole days after the flag's day, up to the last whole day: a day's rate only once a day has passed.
        var since = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var known in await GrainFactory.SlowMovers().GetAsync())
        {
            var days = origin.DayNumber - DateOnly.FromDateTime(known.FlaggedAt.UtcDateTime).DayNumber;
            if (days >= 1)
            {
                since[known.Sku] = sold.GetValueOrDefault(known.Sku, []).Sum(s => s.UnitsBetween(panel.Days - days, panel.Days)) / days;
            }
        }

        await GrainFactory.SlowMovers().ReviewAsync(flagged, since);
    }

    private async Task<ForecastRound> RecordAsync(ForecastRound round)
    {
        S.Rounds.Add(round);
        if (S.Rounds.Count > KeptRounds)
        {
            S.Rounds.RemoveRange(0, S.Rounds.Count - KeptRounds);
        }

        await WriteAsync();
        if (round.Cells > 0)
        {
            logger.ForecastRound(round.Cells, round.ModelVersion, round.Seconds);
        }

        return round;
    }

    /// <summary>One write at a time (the round's timer interleaves with marking calls), each after the one before.</summary>
    private async Task WriteAsync()
    {
        var (previous, done) = (_lastWrite, new TaskCompletionSource());
        _lastWrite = done.Task;
        try
        {
            await previous;
            await state.WriteStateAsync();
        }
        finally
        {
            done.SetResult();
        }
    }
}
