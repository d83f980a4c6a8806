using Tandem.Contracts.Catalog;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;

namespace Tandem.Grains.Orders;

/// <summary>
/// Chooses the location an order is taken from: the nearest one that has every line. An order is picked, packed
/// and carried from one location (one shipment, one courier), so a basket that no single location can fill is
/// refused with the reason, rather than collected from one place while its lines wait in another.
/// </summary>
public static class FulfilmentPlanner
{
    /// <param name="lines">The order lines.</param>
    /// <param name="nearestFirst">Candidate locations, nearest to the address first (the one store for a pickup).</param>
    /// <param name="availableAt">Available units of a sku at a location.</param>
    public static async Task<FulfilmentPlan> PlanAsync(
        IReadOnlyList<OrderLineRequest> lines,
        IReadOnlyList<Location> nearestFirst,
        Func<string, string, Task<int>> availableAt)
    {
        var fillable = new bool[lines.Count];
        foreach (var location in nearestFirst)
        {
            var counts = await Task.WhenAll(lines.Select(l => availableAt(l.Sku, location.Id)));
            var fits = lines.Select((l, i) => counts[i] >= l.Quantity).ToArray();
            if (fits.All(f => f))
            {
                return new FulfilmentPlan(location.Id, []);
            }

            for (var i = 0; i < lines.Count; i++)
            {
                fillable[i] |= fits[i];
            }
        }

        return new FulfilmentPlan(null, [.. lines.Where((_, i) => !fillable[i]).Select(l => l.Sku)]);
    }

    /// <summary>The location a placed order is taken from (every line is at it).</summary>
    public static async Task<Location> WhereFromAsync(IGrainFactory grains, OrderState order) =>
        WhereFrom(await grains.Catalog().GetLocationsAsync(), order);

    /// <summary>The location a placed order is taken from, among <paramref name="locations"/>.</summary>
    public static Location WhereFrom(IReadOnlyList<Location> locations, OrderState order) =>
        locations.First(l => l.Id == order.Lines[0].LocationId);
}

/// <summary>Where an order is taken from, or why nowhere: the skus no location has enough of (empty when each line
/// is somewhere, just not all in one place).</summary>
public sealed record FulfilmentPlan(string? LocationId, IReadOnlyList<string> Unavailable);
