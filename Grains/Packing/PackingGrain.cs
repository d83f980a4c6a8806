using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using Tandem.Contracts.Packing;
using Tandem.Grains.Catalog;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Orders;
using Tandem.Grains.Interfaces.Packing;

namespace Tandem.Grains.Packing;

/// <summary>
/// The packing service: reads the lines' products from the silo's catalog facts and plans their boxes
/// (<see cref="PackingPlanner"/>), or answers the silo's cached plan for the same item set. Stateless, so every silo
/// packs its own share and several packings run at once.
/// </summary>
[StatelessWorker]
public sealed class PackingGrain(
    CatalogFacts catalog,
    PackingCache cache,
    IOptions<PackingOptions> options,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock) : Grain, IPackingGrain
{
    public async Task<OrderPacking> PlanAsync(IReadOnlyList<OrderLineRequest> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var (products, _) = await catalog.ReadAsync([.. lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal)]);
        var key = PackingPlanner.CacheKey(products, lines);
        if (cache.TryGet(key, out var known))
        {
            return known with { Milliseconds = 0, DecidedAt = clock.GetUtcNow() };
        }

        var plan = PackingPlanner.Plan(options.Value, products, lines, clock.GetUtcNow());
        cache.Add(key, plan, options.Value.CacheSize);
        return plan;
    }
}
