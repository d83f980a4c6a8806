using Tandem.Contracts.Supply;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Supply;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Supply;

/// <summary>A store running low gets a suggestion from its forecast; accepting it once or a hundred times moves the units once, and units on their way are not suggested again.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class SupplyPlanTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_store_below_its_reorder_point_is_suggested_a_transfer_that_moves_the_units_once_however_often_it_is_accepted_and_is_not_suggested_them_again_while_they_are_on_their_way()
    {
        var sku = (await TestData.NewProductsAsync(Grains, 1))[0];
        var (store, warehouse) = (new CellKey(sku, TestData.Camden.Id), new CellKey(sku, TestData.Warehouse.Id));
        await Grains.Cell(store).ReceiveAsync(2, "opening", "test");
        await Grains.Cell(warehouse).ReceiveAsync(500, "opening", "test");
        var today = DateOnly.FromDateTime(GrainClusterFixture.Clock.GetUtcNow().UtcDateTime);
        await Grains.Demand(store).SeedAsync([.. Enumerable.Range(1, 90).Select(back => new DemandDay { Day = today.AddDays(-back), Units = 9 + (back % 3), Revenue = 100m })]);
        await Grains.ForecastPlanner().ChangedAsync(store.ToString());

        await Grains.ForecastPlanner().RunAsync();
        var forecast = (await Grains.Forecast(store).GetAsync())!;
        var suggestion = Assert.Single(await Grains.SupplyPlan().GetAsync(), s => s.Sku == sku);
        var expected = (int)Math.Ceiling(forecast.Stock!.ReorderPoint + forecast.Days.Take(7).Sum(d => d.Mean) - 2);

        Assert.Equal((TestData.Warehouse.Id, TestData.Camden.Id, expected, SuggestionStatus.Pending), (suggestion.FromLocationId, suggestion.ToLocationId, suggestion.Quantity, suggestion.Status));
        Assert.StartsWith("2 available against a reorder point of", suggestion.Reason, StringComparison.Ordinal);

        var accepted = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Grains.SupplyPlan().AcceptAsync(suggestion.Id, "ops:test")));
        var shipped = await Grains.Cell(warehouse).GetSnapshotAsync();
        var transferId = accepted[0].Transfer!.TransferId;

        // The next day, the units still on their way: the store is not suggested them again.
        GrainClusterFixture.Clock.Advance(TimeSpan.FromDays(1));
        await Grains.ForecastPlanner().ChangedAsync(store.ToString());
        await Grains.ForecastPlanner().RunAsync();
        var onTheWay = (await Grains.SupplyPlan().GetAsync()).Where(s => s.Sku == sku).ToList();
        var inTransit = await Grains.SupplyPlan().InTransitAsync();

        var received = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Grains.Transfer(transferId).ReceiveAsync("ops:store")));
        var arrived = await Grains.Cell(store).GetSnapshotAsync();
        var afterReceipt = await Grains.SupplyPlan().InTransitAsync();

        Assert.All(accepted, a => Assert.Equal((AcceptRefusal.None, transferId), (a.Refused, a.Transfer!.TransferId)));
        Assert.Equal(500 - expected, shipped.OnHand);
        Assert.All(received, r => Assert.Equal(TransferStatus.Received, r.Transfer!.Status));
        Assert.Equal(2 + expected, arrived.OnHand);
        Assert.Equal([(SuggestionStatus.Accepted, transferId)], onTheWay.Select(s => (s.Status, s.TransferId)));
        Assert.Equal(expected, inTransit[store.ToString()]);
        Assert.False(afterReceipt.ContainsKey(store.ToString()));
        var after = Assert.Single(await Grains.SupplyPlan().GetAsync(), s => s.Sku == sku);
        Assert.Equal((SuggestionStatus.Received, transferId, "ops:test"), (after.Status, after.TransferId, after.AcceptedBy));
    }

    [Fact]
    public async Task Once_ten_accepted_transfers_were_received_the_reorder_points_simulate_their_lead_times()
    {
        var skus = await TestData.NewProductsAsync(Grains, 10);
        var stores = skus.Select(s => new CellKey(s, TestData.Camden.Id)).ToList();
        var today = DateOnly.FromDateTime(GrainClusterFixture.Clock.GetUtcNow().UtcDateTime);
        await Task.WhenAll(skus.Select(async sku =>
        {
            await Grains.Cell(new CellKey(sku, TestData.Warehouse.Id)).ReceiveAsync(500, "opening", "test");
            await Grains.Demand(new CellKey(sku, TestData.Camden.Id)).SeedAsync([.. Enumerable.Range(1, 90).Select(back => new DemandDay { Day = today.AddDays(-back), Units = 6 + (back % 4), Revenue = 60m })]);
        }));
        await Grains.ForecastPlanner().ChangedManyAsync([.. stores.Select(s => s.ToString())]);
        await Grains.ForecastPlanner().RunAsync();
        var suggestions = (await Grains.SupplyPlan().GetAsync()).Where(s => skus.Contains(s.Sku) && s.Status == SuggestionStatus.Pending).ToList();
        var before = (await Grains.Forecast(stores[0]).GetAsync())!.Stock!;

        var transfers = await Task.WhenAll(suggestions.Select(s => Grains.SupplyPlan().AcceptAsync(s.Id, "ops:test")));
        GrainClusterFixture.Clock.Advance(TimeSpan.FromDays(3));
        await Task.WhenAll(transfers.Select(t => Grains.Transfer(t.Transfer!.TransferId).ReceiveAsync("ops:store")));
        await Grains.ForecastPlanner().ChangedManyAsync([.. stores.Select(s => s.ToString())]);
        await Grains.ForecastPlanner().RunAsync(); // learns of the receipts after its forecasts
        GrainClusterFixture.Clock.Advance(TimeSpan.FromMinutes(15)); // the next round
        await Grains.ForecastPlanner().ChangedManyAsync([.. stores.Select(s => s.ToString())]);
        await Grains.ForecastPlanner().RunAsync();
        var observed = await Grains.SupplyPlan().GetLeadTimesAsync();
        var after = (await Grains.Forecast(stores[0]).GetAsync())!.Stock!;

        Assert.Equal(10, suggestions.Count);
        Assert.Equal("configured", before.LeadTimesFrom);
        Assert.Equal(Enumerable.Repeat(3, 10), observed.TakeLast(10));
        Assert.Equal($"{observed.Count} received transfers", after.LeadTimesFrom);
        Assert.Equal(observed, after.LeadTimes);
    }

    [Fact]
    public async Task A_transfer_the_warehouse_cannot_fill_is_refused_and_moves_nothing_and_an_unknown_suggestion_is_unknown()
    {
        var sku = (await TestData.NewProductsAsync(Grains, 1))[0];
        var warehouse = new CellKey(sku, TestData.Warehouse.Id);
        await Grains.Cell(warehouse).ReceiveAsync(3, "opening", "test");
        var id = TestData.NewId("tr");
        var order = new TransferView
        {
            TransferId = id, Sku = sku, FromLocationId = TestData.Warehouse.Id, ToLocationId = TestData.Camden.Id, Quantity = 5,
            Status = TransferStatus.Shipped, CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "ops:test",
        };

        var refused = await Grains.Transfer(id).StartAsync(order);
        var receivedUnknown = await Grains.Transfer(id).ReceiveAsync("ops:test");
        var unknown = await Grains.SupplyPlan().AcceptAsync("sg-none", "ops:test");
        var smaller = await Grains.Transfer(id).StartAsync(order with { Quantity = 3 });
        var other = await Grains.Transfer(id).StartAsync(order with { Quantity = 1 });

        Assert.NotNull(refused.Refused);
        Assert.True(receivedUnknown.Unknown);
        Assert.Equal(AcceptRefusal.Unknown, unknown.Refused);
        Assert.Null(smaller.Refused);
        Assert.NotNull(other.Refused); // the id is taken by the transfer of 3
        var cell = await Grains.Cell(warehouse).GetSnapshotAsync();
        Assert.Equal((0, 0), (cell.OnHand, cell.Reserved));
    }
}
