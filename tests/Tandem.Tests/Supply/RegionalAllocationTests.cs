using Tandem.Brains.Supply;

namespace Tandem.Tests.Supply;

public sealed class RegionalAllocationTests
{
    [Fact]
    public void A_region_holding_less_than_its_stores_will_sell_is_sent_what_it_lacks_from_the_region_with_most_to_spare()
    {
        var moves = RegionalAllocation.Plan(
        [
            new RegionStock("A", "wh-west", Available: 400, Need: 90.4), // 309 to spare
            new RegionStock("A", "wh-east", Available: 20, Need: 119.2), // lacks 100 (99.2 rounded up)
            new RegionStock("A", "wh-north", Available: 50, Need: 40), // 10 to spare
        ]);

        var move = Assert.Single(moves);
        Assert.Equal(("A", "wh-west", "wh-east", 100), (move.Sku, move.FromWarehouseId, move.ToWarehouseId, move.Quantity));
    }

    [Fact]
    public void The_shortest_region_is_served_first_and_no_region_gives_away_what_its_own_stores_need()
    {
        var moves = RegionalAllocation.Plan(
        [
            new RegionStock("A", "wh-1", 100, 70), // 30 to spare
            new RegionStock("A", "wh-2", 0, 10), // lacks 10
            new RegionStock("A", "wh-3", 0, 25), // lacks 25: first
            new RegionStock("B", "wh-1", 5, 10), // every region of B short: nothing moves
            new RegionStock("B", "wh-2", 0, 3),
        ]);

        Assert.Equal([("A", "wh-1", "wh-3", 25), ("A", "wh-1", "wh-2", 5)], moves.Select(m => (m.Sku, m.FromWarehouseId, m.ToWarehouseId, m.Quantity)));
    }
}
