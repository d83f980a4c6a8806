using Microsoft.Extensions.Options;

using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Recommendations;

namespace Tandem.Hosting.Demo;

/// <summary>
/// Puts the demo city into the grains in the background once the silo runs, so health endpoints answer
/// meanwhile; readiness waits for it. Every call is idempotent (receipts carry a fixed reference), so a
/// restart or a second node seeding the same cluster changes nothing.
/// </summary>
public sealed class DemoSeeder(
    IGrainFactory grains,
    IOptions<DemoOptions> options,
    DemoSeedStatus status,
    ILogger<DemoSeeder> logger) : BackgroundService
{
    private const int Parallelism = 32;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Seed)
        {
            status.MarkComplete();
            return;
        }

        var started = TimeProvider.System.GetTimestamp();
        var city = new DemoCity(options.Value.RandomSeed);
        await grains.Catalog().UpsertAsync(city.Products, city.Locations);

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken };
        await Parallel.ForEachAsync(city.Stock, parallel, async (stock, _) =>
        {
            var cell = grains.Cell(new CellKey(stock.Sku, stock.LocationId));
            await cell.SetBinAsync(stock.Bin);
            if (stock.Quantity > 0)
            {
                await cell.ReceiveAsync(stock.Quantity, "demo-seed", "demo");
            }
        });

        if (options.Value.DemandDays > 0)
        {
            // Past sales per store cell (idempotent: a cell with days keeps them), then one word to the forecast planner.
            var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
            var products = city.Products.ToDictionary(p => p.Sku, StringComparer.Ordinal);
            var stores = city.Locations.Where(l => l.Kind == LocationKind.Store).Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
            var selling = city.Stock.Where(s => stores.Contains(s.LocationId)).ToList();
            await Parallel.ForEachAsync(selling, parallel, async (stock, _) =>
                await grains.Demand(new CellKey(stock.Sku, stock.LocationId)).SeedAsync(DemoDemand.For(stock, products[stock.Sku], options.Value.DemandDays, today, options.Value.RandomSeed)));
            await grains.ForecastPlanner().ChangedManyAsync([.. selling.Select(s => new CellKey(s.Sku, s.LocationId).ToString())]);
        }

        await Parallel.ForEachAsync(city.Couriers, parallel, async (courier, _) =>
            await grains.Courier(new CourierId(courier.Id)).RegisterAsync(
                courier.Name, courier.Capacity, courier.Position, courier.Online ? CourierStatus.Idle : CourierStatus.Offline));

        // The graph learns the city's past baskets, so co-purchases show from the first visit (idempotent by basket id).
        var now = TimeProvider.System.GetUtcNow();
        var categories = city.Products.ToDictionary(p => p.Sku, p => p.Category, StringComparer.Ordinal);
        var lessons = city.History.SelectMany(basket => BasketLessons.From(
            basket.Id, basket.Skus, basket.Skus.Select(s => (s, categories.GetValueOrDefault(s))), shopperId: null, now.AddDays(-basket.DaysAgo)));
        await Parallel.ForEachAsync(lessons, parallel, async (l, _) => await grains.ProductGraph(l.Sku).LearnAsync(l.Lesson));

        status.MarkComplete();
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        logger.DemoSeeded(city.Products.Count, city.Locations.Count, city.Stock.Count, city.Couriers.Count, elapsed);
    }
}
