namespace Tandem.Brains.Supply;

/// <summary>
/// What to move where: a store cell whose stock is below its reorder point is brought up to its reorder point plus the
/// next review period's expected sales. Regionally: from the nearest warehouse that holds all of it (each store's
/// warehouses, nearest first); when none does, from the warehouse holding the most
/// (as much as it has), the rest ordered from the supplier. Warehouses are drawn on in order of the stores' risk,
/// riskiest first, so the stores most likely to run out are served first when the warehouses cannot serve all.
/// </summary>
public static class Replenishment
{
    /// <param name="needs">The store cells, with their stock (on hand and on the way), reorder point, next period's demand and risk.</param>
    /// <param name="warehouses">Per SKU, what each warehouse holds.</param>
    /// <param name="nearestFirst">Per store, the warehouses nearest first; a store not listed takes the fullest warehouse.</param>
    public static IReadOnlyList<Move> Plan(
        IReadOnlyList<StoreNeed> needs,
        IReadOnlyDictionary<string, IReadOnlyList<(string WarehouseId, int Available)>> warehouses,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? nearestFirst = null)
    {
        var left = warehouses.ToDictionary(w => w.Key, w => w.Value.ToDictionary(x => x.WarehouseId, x => x.Available, StringComparer.Ordinal), StringComparer.Ordinal);
        var moves = new List<Move>();
        foreach (var need in needs.Where(n => n.Available < n.ReorderPoint).OrderByDescending(n => n.StockOutRisk).ThenBy(n => n.Sku, StringComparer.Ordinal).ThenBy(n => n.StoreId, StringComparer.Ordinal))
        {
            var wanted = (int)Math.Ceiling(need.ReorderPoint + need.ReviewPeriodDemand - need.Available);
            if (wanted <= 0)
            {
                continue;
            }

            var stocks = left.GetValueOrDefault(need.Sku);
            var near = nearestFirst?.GetValueOrDefault(need.StoreId) ?? [];
            var source = near.FirstOrDefault(w => stocks?.GetValueOrDefault(w) >= wanted)
                ?? stocks?.Where(s => s.Value > 0).OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key).FirstOrDefault();
            var fromWarehouse = source is null ? 0 : Math.Min(wanted, stocks![source]);
            if (fromWarehouse > 0)
            {
                stocks![source!] -= fromWarehouse;
                moves.Add(new Move(need, source, fromWarehouse, wanted));
            }

            if (wanted > fromWarehouse)
            {
                moves.Add(new Move(need, null, wanted - fromWarehouse, wanted));
            }
        }

        return moves;
    }
}

/// <summary>A store cell's stock against its reorder point and the demand expected over the next review period.</summary>
public sealed record StoreNeed(string Sku, string StoreId, int Available, double ReorderPoint, double ReviewPeriodDemand, double StockOutRisk);

/// <summary>Units to bring to a store: from a warehouse, or (no warehouse) ordered from the supplier; <c>Wanted</c> is the store's whole need.</summary>
public sealed record Move(StoreNeed Need, string? FromWarehouseId, int Quantity, int Wanted);
