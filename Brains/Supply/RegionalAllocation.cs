namespace Tandem.Brains.Supply;

/// <summary>
/// Stock between regions: each warehouse serves the stores nearest it, and a region's need is what those stores are
/// forecast to sell over the coming weeks. A warehouse holding less than its region's need is sent units from the
/// warehouse with the most to spare beyond its own region's need (as many as the short one lacks, as many as the other
/// can spare), the shortest regions first, so stock sits where it will sell before a store runs low.
/// </summary>
public static class RegionalAllocation
{
    public static IReadOnlyList<Rebalance> Plan(IReadOnlyList<RegionStock> regions)
    {
        var moves = new List<Rebalance>();
        foreach (var sku in regions.GroupBy(r => r.Sku, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var spare = sku.ToDictionary(r => r.WarehouseId, r => (int)Math.Floor(r.Available - r.Need), StringComparer.Ordinal);
            foreach (var lack in sku.Where(r => r.Available < r.Need).OrderBy(r => r.Available - r.Need).ThenBy(r => r.WarehouseId, StringComparer.Ordinal))
            {
                var lacking = (int)Math.Ceiling(lack.Need - lack.Available);
                var from = spare.Where(s => s.Value > 0 && s.Key != lack.WarehouseId).OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key).FirstOrDefault();
                if (from is null || lacking <= 0)
                {
                    continue;
                }

                var quantity = Math.Min(lacking, spare[from]);
                spare[from] -= quantity;
                moves.Add(new Rebalance(sku.Key, from, lack.WarehouseId, quantity, lack, sku.Single(r => r.WarehouseId == from)));
            }
        }

        return moves;
    }
}

/// <summary>A warehouse's stock of a SKU (with units on their way to it) against the need of the stores nearest it.</summary>
public sealed record RegionStock(string Sku, string WarehouseId, int Available, double Need);

/// <summary>Units to move from one region's warehouse to another's.</summary>
public sealed record Rebalance(string Sku, string FromWarehouseId, string ToWarehouseId, int Quantity, RegionStock To, RegionStock From);
