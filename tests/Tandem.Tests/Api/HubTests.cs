using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.AspNetCore.SignalR.Client;

using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Contracts.Hubs;
using Tandem.Contracts.Inventory;
using Tandem.Contracts.Ops;
using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Hosting.Demo;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

/// <summary>Live updates reach SignalR clients (the real .NET client, over WebSockets).</summary>
[Collection(ApiCollection.Name)]
public sealed class HubTests(ApiFixture api)
{
    private const string Store = "st-camden";

    [Fact]
    public async Task A_client_watching_a_product_receives_stockChanged_after_an_order()
    {
        using var ops = api.Ops();
        using var client = api.ClientAs("shopper", "watcher");
        var sku = (await TestData.NewProductsAsync(api.Grains, 1, withTestLocations: false))[0];
        await ops.ReceiveAsync(sku, Store, 8, "opening");
        await using var shop = api.Hub(HubContract.Routes.Shop);
        var reserved = new TaskCompletionSource<StockChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        shop.On<StockChanged>(HubContract.Events.StockChanged, change =>
        {
            if (change.Reason == StockChangeReason.Reserved)
            {
                reserved.TrySetResult(change);
            }
        });
        await shop.StartAsync(TestContext.Current.CancellationToken);
        await shop.InvokeAsync(HubContract.Methods.WatchProduct, sku, TestContext.Current.CancellationToken);

        (await client.PostJsonAsync("/api/orders", Http.PickupOrder(TestData.NewId("session"), Store, (sku, 3)), "k")).EnsureSuccessStatusCode();
        var change = await Await.WithinAsync(reserved.Task, TimeSpan.FromSeconds(10), "stockChanged after the order"); // how fast: bench/Tandem.Bench.ControlRoom

        Assert.Equal((sku, Store), (change.Cell.Sku, change.Cell.LocationId));
        Assert.Equal((8, 3, 5, 3), (change.Cell.OnHand, change.Cell.Reserved, change.Cell.Available, change.Quantity));
    }

    [Fact]
    public async Task Clients_only_hear_about_products_they_watch()
    {
        using var client = api.Ops();
        var skus = await TestData.NewProductsAsync(api.Grains, 2, withTestLocations: false);
        await using var shop = api.Hub(HubContract.Routes.Shop);
        var heard = new List<string>();
        var watchedArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        shop.On<StockChanged>(HubContract.Events.StockChanged, change =>
        {
            lock (heard)
            {
                heard.Add(change.Cell.Sku);
            }

            if (change.Cell.Sku == skus[1])
            {
                watchedArrived.TrySetResult();
            }
        });
        await shop.StartAsync(TestContext.Current.CancellationToken);
        await shop.InvokeAsync(HubContract.Methods.WatchProduct, skus[1], TestContext.Current.CancellationToken);

        await client.ReceiveAsync(skus[0], Store, 1, "a");
        await client.ReceiveAsync(skus[1], Store, 1, "b");
        await Await.WithinAsync(watchedArrived.Task.ContinueWith(_ => true, TaskScheduler.Default), TimeSpan.FromSeconds(5), "the watched product's change");

        lock (heard)
        {
            Assert.Equal([skus[1]], heard);
        }
    }

    [Fact]
    public async Task Watching_an_order_and_a_courier_follows_dispatch_through_delivery()
    {
        using var ops = api.Ops();
        using var client = api.ClientAs("shopper", "tracker");
        var sku = (await TestData.NewProductsAsync(api.Grains, 1, withTestLocations: false))[0];
        await ops.ReceiveAsync(sku, Store, 2, "opening");
        var courierId = TestData.NewId("courier");
        using var courier = api.ClientAs("courier", courierId);
        await api.Grains.Courier(new CourierId(courierId)).RegisterAsync("Test", 2, new GeoPoint { Lat = 51.53, Lon = -0.14 }, CourierStatus.Idle);
        var placed = await (await client.PostJsonAsync("/api/orders", Http.DeliveryOrder(TestData.NewId("session"), 51.54, -0.14, (sku, 1)), "k"))
            .Content.ReadFromJsonAsync<OrderView>(ApiFixture.Json, TestContext.Current.CancellationToken);
        var orderId = placed!.OrderId;

        await using var shop = api.Hub(HubContract.Routes.Shop, api.Token("shopper", "tracker"));
        await using var phone = api.Hub(HubContract.Routes.Courier, api.Token("courier", courierId));
        var shopperSaw = new List<OrderStatus>();
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var assignment = new TaskCompletionSource<OrderView>(TaskCreationOptions.RunContinuationsAsynchronously);
        shop.On<OrderChanged>(HubContract.Events.OrderChanged, change =>
        {
            lock (shopperSaw)
            {
                shopperSaw.Add(change.Order.Status);
            }

            if (change.Order.Status == OrderStatus.Delivered)
            {
                delivered.TrySetResult();
            }
        });
        phone.On<OrderView>(HubContract.Events.Assignment, order => assignment.TrySetResult(order));
        await shop.StartAsync(TestContext.Current.CancellationToken);
        await phone.StartAsync(TestContext.Current.CancellationToken);
        await shop.InvokeAsync(HubContract.Methods.WatchOrder, orderId, TestContext.Current.CancellationToken);
        await phone.InvokeAsync(HubContract.Methods.Join, courierId, TestContext.Current.CancellationToken);

        (await ops.PostJsonAsync($"/api/orders/{orderId}/pack", "{}")).EnsureSuccessStatusCode();
        (await ops.PostJsonAsync($"/api/orders/{orderId}/dispatch", JsonSerializer.Serialize(new { courierId }))).EnsureSuccessStatusCode();
        var offer = await Await.WithinAsync(assignment.Task, TimeSpan.FromSeconds(5), "the courier's assignment");
        (await courier.PostJsonAsync($"/api/orders/{orderId}/picked-up", "{}")).EnsureSuccessStatusCode();
        var done = await courier.PostJsonAsync($"/api/orders/{orderId}/delivered", "{}");
        await Await.WithinAsync(delivered.Task.ContinueWith(_ => true, TaskScheduler.Default), TimeSpan.FromSeconds(5), "the delivered transition");

        Assert.Equal((orderId, courierId), (offer.OrderId, offer.CourierId));
        var history = (await done.Content.ReadFromJsonAsync<OrderView>(ApiFixture.Json, TestContext.Current.CancellationToken))!.History;
        Assert.Equal(
            ["shopper:tracker", "system", "ops:ops-tests", "ops:ops-tests", $"courier:{courierId}", $"courier:{courierId}"],
            history.Select(h => h.Actor));
        lock (shopperSaw)
        {
            // The placement's own "reserved" event may still be in flight when the watch starts.
            Assert.Equal(
                [OrderStatus.Packed, OrderStatus.Dispatched, OrderStatus.PickedUp, OrderStatus.Delivered],
                shopperSaw.SkipWhile(s => s == OrderStatus.Reserved));
        }
    }

    [Fact]
    public async Task The_control_room_gets_a_snapshot_then_batched_events()
    {
        using var client = api.Ops();
        var sku = (await TestData.NewProductsAsync(api.Grains, 1, withTestLocations: false))[0];
        await using var ops = api.Hub(HubContract.Routes.Ops, api.Token("ops", "control-room"));
        var snapshot = new TaskCompletionSource<OpsSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sawReceipt = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        ops.On<OpsSnapshot>(HubContract.Events.Snapshot, s => snapshot.TrySetResult(s));
        ops.On<JsonElement[]>(HubContract.Events.Event, batch =>
        {
            foreach (var e in batch.Where(e => e.GetProperty("kind").GetString() == "stock"
                && e.GetProperty("data").GetProperty("cell").GetProperty("sku").GetString() == sku))
            {
                sawReceipt.TrySetResult(e);
            }
        });
        await ops.StartAsync(TestContext.Current.CancellationToken);

        var first = await Await.WithinAsync(snapshot.Task, TimeSpan.FromSeconds(5), "the ops snapshot");
        await client.ReceiveAsync(sku, Store, 4, "opening");
        var stock = await Await.WithinAsync(sawReceipt.Task, TimeSpan.FromSeconds(10), "the receipt in the ops feed");

        var city = new DemoCity(new DemoOptions().RandomSeed);
        Assert.Subset(first.Couriers.Select(c => c.CourierId).ToHashSet(), city.Couriers.Select(c => c.Id).ToHashSet()); // every demo courier…
        Assert.Subset(first.Locations.Select(l => l.Id).ToHashSet(), city.Locations.Select(l => l.Id).ToHashSet()); // …and location is in it
        Assert.Equal((40, 11), (city.Couriers.Count, city.Locations.Count));
        Assert.Equal("received", stock.GetProperty("data").GetProperty("reason").GetString());
        Assert.Equal(4, stock.GetProperty("data").GetProperty("cell").GetProperty("onHand").GetInt32());
    }
}
