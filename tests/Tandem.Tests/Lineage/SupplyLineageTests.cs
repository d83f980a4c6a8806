using System.Globalization;

using Tandem.Api.Lineage;
using Tandem.Contracts.Lineage;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Lineage;

/// <summary>
/// A promotion walked back: the slow-mover flag the forecast round raised, the store cell's forecast, its sales history
/// and the round. In a cluster of its own: a promotion is offered in every session's picks, which the other tests' exact
/// lists must not meet.
/// </summary>
public sealed class SupplyLineageTests(SweepingClusterFixture fixture) : IClassFixture<SweepingClusterFixture>
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_promotion_walks_back_through_the_slow_mover_flag_to_the_forecast_of_the_sku_s_store_cell_and_its_round()
    {
        var store = TestData.RemoteStore("t-gloucester", "Test store Gloucester", 51.8642, -2.2382);
        var sku = await TestData.StockedAtAsync(Grains, store, 40);
        var cell = new CellKey(sku, store.Id);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await Grains.Demand(cell).SeedAsync([.. Enumerable.Range(1, 60).Select(back => new DemandDay { Day = today.AddDays(-back), Units = back % 10 == 0 ? 1 : 0, Revenue = back % 10 == 0 ? 10m : 0m })]);
        await Grains.ForecastPlanner().ChangedManyAsync([cell.ToString()]);
        await Grains.ForecastPlanner().RunAsync(); // 40 units on hand, a unit every ten days: flagged and promoted
        var runId = (await Grains.Forecast(cell).GetAsync())!.RunId;
        var walker = new LineageWalker([new OrderLineage(Grains), new SupplyLineage(Grains)]);

        var graph = await walker.WalkAsync($"promotion:{sku}");
        var flag = (await Grains.SlowMovers().GetAsync()).Single(f => f.Sku == sku);

        Assert.Equal([$"promotion:{sku}", $"slow-mover:{sku}", $"forecast:{cell}", $"demand:{cell}", $"run:{runId}"], graph!.Nodes.Select(n => n.Id));
        Assert.StartsWith($"{sku} promoted in the shop's picks", graph.Nodes[0].Summary, StringComparison.Ordinal);
        Assert.Equal((flag.CoverWeeks.ToString("0.#", CultureInfo.InvariantCulture), flag.SellThrough.ToString("0.###", CultureInfo.InvariantCulture), "40"),
            (graph.Nodes[1].Facts["weeks of cover"], graph.Nodes[1].Facts["sell-through"], graph.Nodes[1].Facts["available"]));
        Assert.Equal((flag.FlaggedAt, $"{sku} flagged a slow mover: {flag.Reason}"), (graph.Nodes[1].At!.Value, graph.Nodes[1].Summary));
        Assert.Equal([new LineageInput($"forecast:{cell}", "a store cell's forecast")], graph.Nodes[1].Inputs);
        Assert.Empty(graph.Nodes[3].Inputs); // seeded history: no order behind it
        Assert.Null(await walker.WalkAsync($"promotion:{TestData.NewSku()}")); // never flagged
    }
}
