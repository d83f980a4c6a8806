using Tandem.Grains.Interfaces.Catalog;
using Tandem.Grains.Interfaces.Orders;

namespace Tandem.Grains.Orders;

/// <summary>
/// Chooses where each line of a delivery order is taken from: the nearest location that has every line,
/// else, line by line, the nearest location that has that line.
/// </summary>
public static class FulfilmentPlanner
{
    /// <param name="lines">The order lines.</param>
    /// <param name="nearestFirst">Candidate locations, nearest to the address first.</param>
    /// <param name="availableAt">Available units of a sku at a location.</param>
    /// <returns>A location id per line, or null for a line that no location can fill.</returns>
    public static async Task<string?[]> PlanAsync(
        IReadOnlyList<OrderLineRequest> lines,
        IReadOnlyList<Location> nearestFirst,
        Func<string, string, Task<int>> availableAt)
    {
        var known = new Dictionary<(int Line, string Location), int>();
        foreach (var location in nearestFirst)
        {
            var counts = await Task.WhenAll(lines.Select(l => availableAt(l.Sku, location.Id)));
            for (var i = 0; i < lines.Count; i++)
            {
                known[(i, location.Id)] = counts[i];
            }

            if (lines.Select((l, i) => counts[i] >= l.Quantity).All(fits => fits))
            {
                return [.. lines.Select(_ => location.Id)];
            }
        }

        return [.. lines.Select((l, i) =>
            nearestFirst.FirstOrDefault(loc => known[(i, loc.Id)] >= l.Quantity)?.Id)];
    }
}
