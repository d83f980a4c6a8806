using Tandem.Brains.Supply;

namespace Tandem.Tests.Supply;

public sealed class ReplenishmentTests
{
    [Fact]
    public void A_store_below_its_reorder_point_is_brought_up_to_it_plus_the_next_week_from_the_fullest_warehouse()
    {
        var moves = Replenishment.Plan(
            [new StoreNeed("A", "st-1", Available: 3, ReorderPoint: 12, ReviewPeriodDemand: 7.5, StockOutRisk: 0.4)],
            Stock(("A", "wh-1", 10), ("A", "wh-2", 40)));

        var move = Assert.Single(moves);
        Assert.Equal(("wh-2", 17, 17), (move.FromWarehouseId, move.Quantity, move.Wanted)); // 12 + 7.5 − 3, rounded up
    }

    [Fact]
    public void The_riskiest_store_is_served_first_and_what_the_warehouses_lack_is_ordered_from_the_supplier()
    {
        var moves = Replenishment.Plan(
            [
                new StoreNeed("A", "st-calm", 0, 10, 0, StockOutRisk: 0.2),
                new StoreNeed("A", "st-risky", 0, 10, 0, StockOutRisk: 0.9),
                new StoreNeed("A", "st-fine", 11, 10, 5, StockOutRisk: 0.01),
            ],
            Stock(("A", "wh-1", 15)));

        Assert.Equal(
            [("st-risky", (string?)"wh-1", 10), ("st-calm", "wh-1", 5), ("st-calm", null, 5)],
            moves.Select(m => (m.Need.StoreId, m.FromWarehouseId, m.Quantity)));
    }

    [Fact]
    public void Each_store_is_served_by_its_nearest_warehouse_that_holds_all_it_needs_else_by_the_fullest()
    {
        var near = new Dictionary<string, IReadOnlyList<string>>
        {
            ["st-west"] = ["wh-west", "wh-east"],
            ["st-east"] = ["wh-east", "wh-west"],
            ["st-far"] = ["wh-east", "wh-west"],
        };

        var moves = Replenishment.Plan(
            [
                new StoreNeed("A", "st-west", 0, 10, 0, StockOutRisk: 0.9), // west holds 12: all of it from the west
                new StoreNeed("A", "st-east", 0, 10, 0, StockOutRisk: 0.8), // east holds 30: all of it from the east
                new StoreNeed("A", "st-far", 0, 25, 0, StockOutRisk: 0.7), // east has 20 left, west 2: none holds 25, the fullest gives what it has
            ],
            Stock(("A", "wh-west", 12), ("A", "wh-east", 30)),
            near);

        Assert.Equal(
            [("st-west", (string?)"wh-west", 10), ("st-east", "wh-east", 10), ("st-far", "wh-east", 20), ("st-far", null, 5)],
            moves.Select(m => (m.Need.StoreId, m.FromWarehouseId, m.Quantity)));
    }

    [Fact]
    public void A_sku_no_warehouse_holds_is_ordered_from_the_supplier_whole()
    {
        var move = Assert.Single(Replenishment.Plan([new StoreNeed("B", "st-1", 1, 4, 2, 0.5)], Stock()));

        Assert.Equal(((string?)null, 5), (move.FromWarehouseId, move.Quantity));
    }

    private static Dictionary<string, IReadOnlyList<(string WarehouseId, int Available)>> Stock(params (string Sku, string Warehouse, int Available)[] cells) =>
        cells.GroupBy(c => c.Sku).ToDictionary(g => g.Key, g => (IReadOnlyList<(string, int)>)[.. g.Select(c => (c.Warehouse, c.Available))]);
}
