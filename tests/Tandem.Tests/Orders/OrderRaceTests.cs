using Tandem.Contracts.Couriers;
using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Orders;

/// <summary>A cancel racing a courier or a shopper ends one way or the other, never half of each.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class OrderRaceTests(GrainClusterFixture fixture)
{
    private const int Orders = 100;

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Cancel_racing_dispatch_on_100_orders_leaves_every_order_cancelled_with_its_stock_back_and_no_courier_holding_it()
    {
        var sku = await StockedAsync(TestData.Brixton.Id, Orders);
        var courierId = TestData.NewId("courier");
        await Grains.Courier(new CourierId(courierId)).RegisterAsync("Busy", Orders, TestOrders.NearBrixton, CourierStatus.Idle);
        var orders = await PackedAsync(sku, _ => TestOrders.Delivery(TestOrders.NearBrixton, (sku, 1)));

        var races = await Task.WhenAll(orders.Select(async order =>
        {
            var dispatch = Task.Run(() => order.DispatchAsync(new CourierId(courierId), "courier:" + courierId));
            var cancel = Task.Run(() => order.CancelAsync("shopper:Test", "changed my mind"));
            return (Dispatch: await dispatch, Cancel: await cancel);
        }));

        Assert.All(races, r => Assert.Equal((OrderOutcome.Applied, OrderStatus.Cancelled), (r.Cancel.Outcome, r.Cancel.Order!.Status)));
        Assert.All(races, r => Assert.Contains(r.Dispatch.Outcome, new[] { OrderOutcome.Applied, OrderOutcome.InvalidTransition }));
        Assert.All(await Task.WhenAll(orders.Select(o => o.GetAsync())), o => Assert.Equal(OrderStatus.Cancelled, o!.Status));
        Assert.Empty((await Grains.Courier(new CourierId(courierId)).GetAsync())!.Assignments);
        var cell = await Grains.Cell(new CellKey(sku, TestData.Brixton.Id)).GetSnapshotAsync();
        Assert.Equal((Orders, 0, 0), (cell.OnHand, cell.Reserved, cell.Committed));
    }

    [Fact]
    public async Task Cancel_racing_collection_on_100_orders_ends_each_one_way_and_the_stock_follows()
    {
        var sku = await StockedAsync(TestData.Camden.Id, Orders);
        var orders = await PackedAsync(sku, _ => TestOrders.Pickup(TestData.Camden.Id, (sku, 1)));
        await Task.WhenAll(orders.Select(o => o.MarkReadyForPickupAsync("store")));

        var races = await Task.WhenAll(orders.Select(async order =>
        {
            var collect = Task.Run(() => order.MarkPickedUpAsync("shopper:Test"));
            var cancel = Task.Run(() => order.CancelAsync("shopper:Test", "changed my mind"));
            return (Collect: await collect, Cancel: await cancel);
        }));

        var collected = races.Count(r => r.Collect.Outcome == OrderOutcome.Applied);
        Assert.All(races, r => Assert.True(
            (r.Collect.Outcome, r.Cancel.Outcome) is (OrderOutcome.Applied, OrderOutcome.InvalidTransition) or (OrderOutcome.InvalidTransition, OrderOutcome.Applied),
            $"collect {r.Collect.Outcome}, cancel {r.Cancel.Outcome}: exactly one must win"));
        var final = await Task.WhenAll(orders.Select(o => o.GetAsync()));
        Assert.Equal(collected, final.Count(o => o!.Status == OrderStatus.PickedUp));
        Assert.Equal(Orders - collected, final.Count(o => o!.Status == OrderStatus.Cancelled));
        var cell = await Grains.Cell(new CellKey(sku, TestData.Camden.Id)).GetSnapshotAsync();
        Assert.Equal((Orders - collected, 0, collected), (cell.OnHand, cell.Reserved, cell.Committed));
    }

    private async Task<string> StockedAsync(string locationId, int units)
    {
        var sku = (await TestData.NewProductsAsync(Grains, 1))[0];
        await Grains.Cell(new CellKey(sku, locationId)).ReceiveAsync(units, "opening", "tester");
        return sku;
    }

    private async Task<IOrderGrain[]> PackedAsync(string sku, Func<int, PlaceOrder> request)
    {
        var orders = Enumerable.Range(0, Orders).Select(_ => Grains.Order(new OrderId(TestData.NewId("o")))).ToArray();
        await Task.WhenAll(orders.Select((o, i) => o.PlaceAsync(request(i))));
        var packed = await Task.WhenAll(orders.Select(o => o.PackAsync("packer")));
        Assert.All(packed, p => Assert.Equal(OrderStatus.Packed, p.Order!.Status));
        return orders;
    }
}
