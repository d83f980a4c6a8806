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
    public void A_sku_no_warehouse_holds_is_ordered_from_the_supplier_whole()
    {
        var move = Assert.Single(Replenishment.Plan([new StoreNeed("B", "st-1", 1, 4, 2, 0.5)], Stock()));

        Assert.Equal(((string?)null, 5), (move.FromWarehouseId, move.Quantity));
    }

    private static Dictionary<string, IReadOnlyList<(string WarehouseId, int Available)>> Stock(params (string Sku, string Warehouse, int Available)[] cells) =>
        cells.GroupBy(c => c.Sku).ToDictionary(g => g.Key, g => (IReadOnlyList<(string, int)>)[.. g.Select(c => (c.Warehouse, c.Available))]);
}
