using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Orders;

[Collection(GrainClusterCollection.Name)]
public sealed class OrderGrainTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Multi_line_orders_are_all_or_nothing_under_contention()
    {
        var (a, b) = await TwoSkusAsync(stockA: 50, stockB: 30, at: TestData.Camden.Id);

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(
            () => Grains.Order(new OrderId(TestData.NewId("o"))).PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (a, 1), (b, 1))),
            TestContext.Current.CancellationToken)));

        Assert.Equal(30, results.Count(r => r.Outcome == OrderOutcome.Applied));
        Assert.Equal(170, results.Count(r => r.Outcome == OrderOutcome.Insufficient));
        var cellA = await Grains.Cell(new CellKey(a, TestData.Camden.Id)).GetSnapshotAsync();
        var cellB = await Grains.Cell(new CellKey(b, TestData.Camden.Id)).GetSnapshotAsync();
        Assert.Equal((30, 20), (cellA.Reserved, cellA.Available));
        Assert.Equal((30, 0), (cellB.Reserved, cellB.Available));
    }

    [Fact]
    public async Task Placing_the_same_order_again_returns_it_and_holds_stock_once()
    {
        var (a, _) = await TwoSkusAsync(stockA: 10, stockB: 0, at: TestData.Camden.Id);
        var order = Grains.Order(new OrderId(TestData.NewId("o")));
        var request = TestOrders.Pickup(TestData.Camden.Id, (a, 3));

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => order.PlaceAsync(request)));
        var different = await order.PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (a, 4)));

        Assert.Equal(1, results.Count(r => r.Outcome == OrderOutcome.Applied));
        Assert.Equal(99, results.Count(r => r.Outcome == OrderOutcome.Replayed));
        Assert.Single(results.Select(r => r.Order!.OrderId).Distinct());
        Assert.Equal(OrderOutcome.KeyReused, different.Outcome);
        Assert.Equal(3, (await Grains.Cell(new CellKey(a, TestData.Camden.Id)).GetSnapshotAsync()).Reserved);
    }

    [Fact]
    public async Task A_placement_whose_first_reservation_ids_were_spent_by_an_interrupted_attempt_still_succeeds()
    {
        var (a, b) = await TwoSkusAsync(stockA: 5, stockB: 5, at: TestData.Camden.Id);
        var orderId = new OrderId(TestData.NewId("o"));
        // An earlier attempt held line 1 and released it when it was interrupted: its id is spent at the cell.
        var cellB = Grains.Cell(new CellKey(b, TestData.Camden.Id));
        await cellB.ReserveAsync($"{orderId}.1.1", 2, TimeSpan.FromHours(1));
        await cellB.ReleaseAsync($"{orderId}.1.1");

        var placed = await Grains.Order(orderId).PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (a, 2), (b, 2)));

        Assert.Equal(OrderOutcome.Applied, placed.Outcome);
        Assert.All(placed.Order!.Lines, l => Assert.StartsWith($"{orderId}.2.", l.ReservationId, StringComparison.Ordinal));
        Assert.Equal((2, 2), ((await Grains.Cell(new CellKey(a, TestData.Camden.Id)).GetSnapshotAsync()).Reserved, (await cellB.GetSnapshotAsync()).Reserved));
    }

    [Fact]
    public async Task A_failed_line_releases_the_lines_already_held()
    {
        var (a, b) = await TwoSkusAsync(stockA: 5, stockB: 1, at: TestData.Camden.Id);

        var result = await Grains.Order(new OrderId(TestData.NewId("o"))).PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (a, 5), (b, 2)));

        Assert.Equal(OrderOutcome.Insufficient, result.Outcome);
        Assert.Null(result.Order);
        Assert.Equal(5, (await Grains.Cell(new CellKey(a, TestData.Camden.Id)).GetSnapshotAsync()).Available);
        Assert.Equal(1, (await Grains.Cell(new CellKey(b, TestData.Camden.Id)).GetSnapshotAsync()).Available);
    }

    [Fact]
    public async Task Delivery_takes_every_line_from_the_nearest_location_that_has_them_all()
    {
        var skus = await TestData.NewProductsAsync(Grains, 2);
        await ReceiveAsync(skus[0], TestData.Brixton.Id, 5);
        await ReceiveAsync(skus[0], TestData.Camden.Id, 5);
        await ReceiveAsync(skus[1], TestData.Camden.Id, 5);

        var result = await Grains.Order(new OrderId(TestData.NewId("o"))).PlaceAsync(TestOrders.Delivery(TestOrders.NearBrixton, (skus[0], 1), (skus[1], 1)));

        Assert.Equal(OrderOutcome.Applied, result.Outcome);
        Assert.All(result.Order!.Lines, l => Assert.Equal(TestData.Camden.Id, l.LocationId));
    }

    [Fact]
    public async Task A_store_added_a_moment_ago_that_alone_has_the_stock_serves_a_delivery_at_once()
    {
        var (known, _) = await TwoSkusAsync(stockA: 5, stockB: 0, at: TestData.Camden.Id);
        await Grains.Order(new OrderId(TestData.NewId("o"))).PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (known, 1))); // the silo now holds the locations
        var store = TestData.RemoteStore(TestData.NewId("store"), "New store Leeds", 53.7997, -1.5492);
        var sku = await TestData.StockedAtAsync(Grains, store, 3);

        var result = await Grains.Order(new OrderId(TestData.NewId("o"))).PlaceAsync(TestOrders.Delivery(new GeoPoint { Lat = 53.80, Lon = -1.55 }, (sku, 2)));

        Assert.Equal(OrderOutcome.Applied, result.Outcome);
        Assert.Equal(store.Id, Assert.Single(result.Order!.Lines).LocationId);
    }

    [Fact]
    public async Task Delivery_comes_from_one_location_so_a_basket_no_location_has_whole_is_refused_and_holds_nothing()
    {
        var skus = await TestData.NewProductsAsync(Grains, 2);
        await ReceiveAsync(skus[0], TestData.Brixton.Id, 5);
        await ReceiveAsync(skus[1], TestData.Warehouse.Id, 5);

        var split = await Grains.Order(new OrderId(TestData.NewId("o"))).PlaceAsync(TestOrders.Delivery(TestOrders.NearBrixton, (skus[0], 2), (skus[1], 2)));
        var missing = await Grains.Order(new OrderId(TestData.NewId("o"))).PlaceAsync(TestOrders.Delivery(TestOrders.NearBrixton, (skus[0], 2), (skus[1], 6)));

        Assert.Equal(OrderOutcome.Insufficient, split.Outcome);
        Assert.Equal("No single location has every line: an order comes from one location, so order these lines separately.", split.Detail);
        Assert.Equal($"Not enough stock for: {skus[1]}.", missing.Detail);
        Assert.Equal(0, (await Grains.Cell(new CellKey(skus[0], TestData.Brixton.Id)).GetSnapshotAsync()).Reserved);
        Assert.Equal(0, (await Grains.Cell(new CellKey(skus[1], TestData.Warehouse.Id)).GetSnapshotAsync()).Reserved);
    }

    [Fact]
    public async Task Pickup_at_a_warehouse_or_unknown_sku_is_refused_and_holds_nothing()
    {
        var (a, _) = await TwoSkusAsync(stockA: 5, stockB: 0, at: TestData.Warehouse.Id);

        var warehouse = await Grains.Order(new OrderId(TestData.NewId("o"))).PlaceAsync(TestOrders.Pickup(TestData.Warehouse.Id, (a, 1)));
        var unknown = await Grains.Order(new OrderId(TestData.NewId("o"))).PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, ("NO-SUCH-SKU", 1)));

        Assert.Equal(OrderOutcome.Invalid, warehouse.Outcome);
        Assert.Equal(OrderOutcome.UnknownReference, unknown.Outcome);
        Assert.Equal(0, (await Grains.Cell(new CellKey(a, TestData.Warehouse.Id)).GetSnapshotAsync()).Reserved);
    }

    [Fact]
    public async Task A_delivery_order_walks_the_whole_state_machine_with_stock_and_courier_following()
    {
        var (a, _) = await TwoSkusAsync(stockA: 4, stockB: 0, at: TestData.Brixton.Id);
        var courierId = TestData.NewId("courier");
        var courier = Grains.Courier(new CourierId(courierId));
        await courier.RegisterAsync("Test courier", 2, TestOrders.NearBrixton, CourierStatus.Idle);
        var order = Grains.Order(new OrderId(TestData.NewId("o")));
        var cell = Grains.Cell(new CellKey(a, TestData.Brixton.Id));

        Assert.Equal(OrderOutcome.Applied, (await order.PlaceAsync(TestOrders.Delivery(TestOrders.NearBrixton, (a, 3)))).Outcome);
        var packed = await order.PackAsync("packer");
        var packedCell = await cell.GetSnapshotAsync();
        var dispatched = await order.DispatchAsync(new CourierId(courierId), "dispatcher");
        var carrying = await courier.GetAsync();
        var pickedUp = await order.MarkPickedUpAsync(courierId);
        var onTheWay = await courier.GetAsync();
        var delivered = await order.MarkDeliveredAsync(courierId);
        var deliveredAgain = await order.MarkDeliveredAsync(courierId);
        var cancelAfterDelivery = await order.CancelAsync("shopper", "too late");
        var done = await courier.GetAsync();

        Assert.Equal((OrderStatus.Packed, 1, 0, 3), (packed.Order!.Status, packedCell.OnHand, packedCell.Reserved, packedCell.Committed));
        Assert.Equal(OrderStatus.Dispatched, dispatched.Order!.Status);
        Assert.Equal((CourierStatus.ToPickup, 1), (carrying!.Status, carrying.Assignments.Count));
        Assert.Equal(OrderStatus.PickedUp, pickedUp.Order!.Status);
        Assert.Equal(CourierStatus.ToDropoff, onTheWay!.Status);
        Assert.Equal((OrderOutcome.Applied, OrderStatus.Delivered), (delivered.Outcome, delivered.Order!.Status));
        Assert.Equal(OrderOutcome.Replayed, deliveredAgain.Outcome);
        Assert.Equal(OrderOutcome.InvalidTransition, cancelAfterDelivery.Outcome);
        Assert.Equal((CourierStatus.Idle, 0), (done!.Status, done.Assignments.Count));
        Assert.Equal(
            [OrderStatus.Placed, OrderStatus.Reserved, OrderStatus.Packed, OrderStatus.Dispatched, OrderStatus.PickedUp, OrderStatus.Delivered],
            delivered.Order.History.Select(h => h.To));
        Assert.Equal(["shopper:Test", "system", "packer", "dispatcher", courierId, courierId], delivered.Order.History.Select(h => h.Actor));
        Assert.True(delivered.Order.History.Zip(delivered.Order.History.Skip(1)).All(p => p.First.At <= p.Second.At));
    }

    [Fact]
    public async Task Cancelling_releases_held_stock_and_restocks_packed_stock_once()
    {
        var (a, _) = await TwoSkusAsync(stockA: 10, stockB: 0, at: TestData.Camden.Id);
        var cell = Grains.Cell(new CellKey(a, TestData.Camden.Id));
        var held = Grains.Order(new OrderId(TestData.NewId("o")));
        var packed = Grains.Order(new OrderId(TestData.NewId("o")));
        await held.PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (a, 2)));
        await packed.PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (a, 3)));
        await packed.PackAsync("packer");

        var cancels = await Task.WhenAll(Enumerable.Range(0, 50).SelectMany(_ => new[] { held.CancelAsync("ops", "test"), packed.CancelAsync("ops", "test") }));
        var after = await cell.GetSnapshotAsync();

        Assert.Equal(2, cancels.Count(c => c.Outcome == OrderOutcome.Applied));
        Assert.Equal(98, cancels.Count(c => c.Outcome == OrderOutcome.Replayed));
        Assert.Equal((10, 0, 0, 10), (after.OnHand, after.Reserved, after.Committed, after.Available));
        Assert.Equal(("ops", "test"), (cancels[0].Order!.History[^1].Actor, cancels[0].Order!.History[^1].Note));
    }

    [Fact]
    public async Task Packing_renews_a_lapsed_hold_when_stock_is_still_there()
    {
        var (a, _) = await TwoSkusAsync(stockA: 5, stockB: 0, at: TestData.Camden.Id);
        var order = Grains.Order(new OrderId(TestData.NewId("o")));
        await order.PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (a, 2)));

        GrainClusterFixture.Clock.Advance(TimeSpan.FromHours(2));
        var lapsed = await Grains.Cell(new CellKey(a, TestData.Camden.Id)).GetSnapshotAsync();
        var packed = await order.PackAsync("packer");
        var after = await Grains.Cell(new CellKey(a, TestData.Camden.Id)).GetSnapshotAsync();

        Assert.Equal(0, lapsed.Reserved);
        Assert.Equal(OrderOutcome.Applied, packed.Outcome);
        Assert.Equal((3, 0, 2), (after.OnHand, after.Reserved, after.Committed));
    }

    private async Task<(string A, string B)> TwoSkusAsync(int stockA, int stockB, string at)
    {
        var skus = await TestData.NewProductsAsync(Grains, 2);
        await ReceiveAsync(skus[0], at, stockA);
        await ReceiveAsync(skus[1], at, stockB);
        return (skus[0], skus[1]);
    }

    private async Task ReceiveAsync(string sku, string locationId, int quantity)
    {
        if (quantity > 0)
        {
            await Grains.Cell(new CellKey(sku, locationId)).ReceiveAsync(quantity, "opening", "tester");
        }
    }
}
