using Tandem.Brains.Experiments;
using Tandem.Brains.Recommendations;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Experiments;
using Tandem.Grains.Dispatch;
using Tandem.Grains.Forecasts;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Hosting.Simulation;

using MathNet.Numerics.Distributions;

namespace Tandem.ExperimentTrials;

/// <summary>
/// One experiment on the safety-stock service level through the real grains, with store cells as units: the trial's store
/// holds one product per cell, each with a sales history; every trial a forecast round sets each cell's reorder point for
/// the level of the variant its cell is in (exposing the cell), then stock censuses a minute apart read every cell. Before
/// each census a cell holds a unit to sell with its own rate of the trial (cells differ), plus the injected effect when its
/// forecast was made for a higher level than the product's (the A/B treatment's). The range shards tell the experiment's
/// cell tally what each census read; the results compare the variants' in-stock shares clustered by cell.
/// </summary>
internal sealed class LevelTrial(IGrainFactory grains, SimulatedClock clock, TrialOptions options)
{
    private const string Store = "st-level-trial";
    private const int Parallel = 64;
    private static readonly GeoPoint Position = new() { Lat = 52.2053, Lon = 0.1218 };

    private readonly double _product = new ForecastingOptions().ServiceLevel;
    private List<CellKey> _cells = [];

    /// <summary>Cells per trial: <see cref="TrialOptions.Sessions"/>, or twice the planned cells per variant (the zones' formula, censuses for deliveries).</summary>
    private int Cells => options.Sessions ?? (2 * WindowTrial.PlannedZonesPerVariant(options));

    /// <summary>The trial's store and its cells: each a product of its own, a unit received, 60 days of sales.</summary>
    public async Task OpenAsync()
    {
        _cells = [.. Enumerable.Range(0, Cells).Select(i => new CellKey($"LEVEL-{i:D4}", Store))];
        await grains.Catalog().UpsertAsync(
            [.. _cells.Select(c => new Product
            {
                Sku = c.Sku, Name = "Level trial item", Category = "trial", Price = 20m, Dimensions = new Dimensions { LengthCm = 10, WidthCm = 10, HeightCm = 10 },
                WeightKg = 1, SceneTags = [], Description = "What the level trials stock.",
            })],
            [new Location { Id = Store, Name = "Level trial store", Kind = LocationKind.Store, Position = Position, Address = Store }]);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await System.Threading.Tasks.Parallel.ForEachAsync(_cells, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (cell, _) =>
        {
            await grains.Cell(cell).ReceiveAsync(1, "trials-opening", "trials");
            await grains.Demand(cell).SeedAsync([.. Enumerable.Range(1, 60).Select(back => new DemandDay { Day = today.AddDays(-back), Units = 1 + ((back + cell.Sku.Length) % 3), Revenue = 20m })]);
        });
    }

    public async Task<TrialRun> RunAsync(int trial, bool injected)
    {
        var id = $"trial-{options.Seed}-level-{(injected ? "ab" : "aa")}-{trial}";
        var definition = new ExperimentDefinition
        {
            Id = id,
            Name = injected ? "A/B of the service level" : "A/A of the service level",
            Variants =
            [
                new VariantDefinition { Name = "control", Settings = new() { ServiceLevel = _product } },
                new VariantDefinition { Name = "treatment", Settings = new() { ServiceLevel = injected ? options.TreatmentLevel : _product } },
            ],
            BaseRate = options.BaseRate,
            MinimumEffect = options.Effect,
            Regions = [new DispatchOptions().ZoneOf(Position)],
        };
        var experiment = await TrialExperiment.StartAsync(grains, clock, definition);

        // The round forecasts every cell for its variant's level: the cell is exposed there, and its advice names the variant.
        await grains.ForecastPlanner().ChangedManyAsync([.. _cells.Select(c => c.ToString())]);
        await grains.ForecastPlanner().RunAsync();
        var advice = await Task.WhenAll(_cells.Select(async c => (await grains.Forecast(c).GetAsync())?.Stock));
        var (mismatched, untagged) = (0, 0);
        for (var i = 0; i < _cells.Count; i++)
        {
            var expected = $"{id}:{(Assignment.Assign(id, _cells[i].ToString(), [new Variant("control", 1), new Variant("treatment", 1)], 1) == 0 ? "control" : "treatment")}";
            if (advice[i]?.Experiment is not { } tag || !tag.StartsWith(id + ":", StringComparison.Ordinal))
            {
                untagged++; // forecast without the experiment: the cell is not in it
            }
            else if (tag != expected)
            {
                mismatched++; // the forecast's variant must be the one the cell's hash gives
            }
        }

        // Each cell's own in-stock rate for this trial (Beta around the base rate, spread as set), more under a higher level.
        var kappa = (options.BaseRate * (1 - options.BaseRate) / (options.ZoneSpread * options.ZoneSpread)) - 1;
        var rates = _cells.Select((c, i) => Math.Clamp(
            Beta.Sample(new Random(Fnv1a.Seed($"{options.Seed}#{id}#{c}")), kappa * options.BaseRate, kappa * (1 - options.BaseRate))
            + (advice[i]?.ServiceLevel > _product ? options.Effect : 0), 0, 1)).ToList();
        for (var census = 0; census < options.OrdersPerZone; census++)
        {
            await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, _cells.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (i, _) =>
            {
                var inStock = Fnv1a.Uniform($"{options.Seed}#{id}#{_cells[i]}#{census}") < rates[i];
                var counted = await Retried(() => grains.Cell(_cells[i]).AdjustAsync(inStock ? 3 : 0, "count", $"{id}-c{census}", "trials"));
                if (!counted.Succeeded)
                {
                    throw new InvalidOperationException($"{_cells[i]} was not counted: {counted.Outcome} {counted.Detail}");
                }
            });
            clock.Advance(TimeSpan.FromMinutes(1)); // counted, then a census in a minute of its own: one observation of every cell
            await Retried(() => grains.StockCensus().TakeAsync());
        }

        var results = (await experiment.GetResultsAsync())!;
        await TrialExperiment.StopAsync(experiment, clock);
        var cells = results.Units.Single(u => u.Unit == ExperimentUnitKinds.Cell);
        if (cells.Observed.Sum() != (long)options.OrdersPerZone * cells.Exposed.Sum())
        {
            throw new InvalidOperationException($"{id}: {cells.Observed.Sum()} observations of {cells.Exposed.Sum()} cells over {options.OrdersPerZone} censuses.");
        }

        var comparison = cells.ShareChange[1] ?? throw new InvalidOperationException($"{id}: a variant has fewer than two cells observed.");
        return new TrialRun(
            injected, cells.Exposed[0], cells.Exposed[1], cells.Shares[0], cells.Shares[1],
            comparison.Difference, comparison.Low, comparison.High, comparison.PValue, cells.SampleRatio.Mismatch, mismatched, untagged);
    }

    private static Task<T> Retried<T>(Func<Task<T>> call) => TrialSimulation.Retried(call);
}
