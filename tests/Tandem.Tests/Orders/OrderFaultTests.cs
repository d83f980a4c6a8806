using Microsoft.Extensions.DependencyInjection;

using Orleans.Streams;

using Tandem.Contracts.Couriers;
using Tandem.Contracts.Orders;
using Tandem.Contracts.Sessions;
using Tandem.Grains.Interfaces.Errors;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Streams;
using Tandem.Grains.Orders;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Orders;

/// <summary>An order keeps its promises when a hold lapses, a write fails or a call is lost half-way.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class OrderFaultTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_hold_that_lapses_just_before_its_commit_is_taken_anew_and_the_stock_really_leaves()
    {
        var skus = await StockAsync(TestData.Camden.Id, 5, 5);
        var order = Grains.Order(new OrderId(TestData.NewId(LapseBeforeCommit.Marker)));
        await order.PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (skus[0], 2), (skus[1], 3)));

        var packed = await order.PackAsync("packer"); // the clock jumps past every hold at the first commit

        Assert.Equal((OrderOutcome.Applied, OrderStatus.Packed), (packed.Outcome, packed.Order!.Status));
        Assert.Equal((3, 0, 2), await CellAsync(skus[0], TestData.Camden.Id));
        Assert.Equal((2, 0, 3), await CellAsync(skus[1], TestData.Camden.Id));
    }

    [Fact]
    public async Task Packing_after_a_lapsed_hold_whose_stock_was_sold_is_refused_and_moves_nothing()
    {
        var skus = await StockAsync(TestData.Camden.Id, 2, 1);
        var order = Grains.Order(new OrderId(TestData.NewId("o")));
        await order.PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (skus[0], 1), (skus[1], 1)));
        GrainClusterFixture.Clock.Advance(TimeSpan.FromHours(2)); // every hold lapses (1 h), the order is not yet overdue (24 h)
        var rival = await Grains.Order(new OrderId(TestData.NewId("o"))).PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (skus[1], 1)));

        var packed = await order.PackAsync("packer");
        var again = await order.PackAsync("packer");

        Assert.Equal(OrderOutcome.Applied, rival.Outcome);
        Assert.Equal((OrderOutcome.Insufficient, OrderStatus.Reserved), (packed.Outcome, packed.Order!.Status));
        Assert.Equal(OrderOutcome.Insufficient, again.Outcome);
        Assert.Equal((2, 1, 0), await CellAsync(skus[0], TestData.Camden.Id)); // held again for the order, nothing shipped
        Assert.Equal((1, 1, 0), await CellAsync(skus[1], TestData.Camden.Id)); // the rival's hold
    }

    [Fact]
    public async Task A_retry_after_a_failed_save_reuses_the_holds_it_took_even_for_the_last_units()
    {
        var skus = await StockAsync(TestData.Camden.Id, 2);
        var id = TestData.NewId("o");
        var request = TestOrders.Pickup(TestData.Camden.Id, (skus[0], 2));
        FaultyStorage.FailWritesOf<OrderState>(id, s => s.Placed); // the write after the holds fails

        var failed = await Record.ExceptionAsync(() => Grains.Order(new OrderId(id)).PlaceAsync(request));
        FaultyStorage.Heal(id);
        var retried = await Grains.Order(new OrderId(id)).PlaceAsync(request);

        Assert.IsType<StorageUnavailableException>(failed);
        Assert.Equal((OrderOutcome.Applied, OrderStatus.Reserved), (retried.Outcome, retried.Order!.Status));
        Assert.Equal((2, 2, 0), await CellAsync(skus[0], TestData.Camden.Id));
    }

    [Fact]
    public async Task A_cancel_interrupted_after_giving_stock_back_is_finished_before_anything_else_and_gives_back_once()
    {
        var skus = await StockAsync(TestData.Camden.Id, 5);
        var id = TestData.NewId("o");
        var order = Grains.Order(new OrderId(id));
        await order.PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (skus[0], 2)));
        await order.PackAsync("packer");
        FaultyStorage.FailWritesOf<OrderState>(id, s => s.Status == OrderStatus.Cancelled);

        var failed = await Record.ExceptionAsync(() => order.CancelAsync("shopper:Test", "changed my mind"));
        FaultyStorage.Heal(id);
        var ready = await order.MarkReadyForPickupAsync("store"); // the stock went back: the order must not go on
        var cancelledAgain = await order.CancelAsync("shopper:Test", "changed my mind");

        Assert.IsType<StorageUnavailableException>(failed);
        Assert.Equal((OrderOutcome.InvalidTransition, OrderStatus.Cancelled), (ready.Outcome, ready.Order!.Status));
        Assert.Equal(OrderOutcome.Replayed, cancelledAgain.Outcome);
        Assert.Equal((5, 0, 0), await CellAsync(skus[0], TestData.Camden.Id));
    }

    [Fact]
    public async Task Cancelling_an_order_whose_packing_was_interrupted_restocks_the_line_that_left()
    {
        var skus = await StockAsync(TestData.Camden.Id, 4, 4);
        var order = Grains.Order(new OrderId(TestData.NewId("o")));
        var placed = await order.PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (skus[0], 1), (skus[1], 2)));
        // A pack that committed its first line and then died: the order still says Reserved.
        await Grains.Cell(new CellKey(skus[0], TestData.Camden.Id)).CommitAsync(placed.Order!.Lines[0].ReservationId);

        var cancelled = await order.CancelAsync("ops", null);

        Assert.Equal(OrderStatus.Cancelled, cancelled.Order!.Status);
        Assert.Equal((4, 0, 0), await CellAsync(skus[0], TestData.Camden.Id));
        Assert.Equal((4, 0, 0), await CellAsync(skus[1], TestData.Camden.Id));
    }

    [Fact]
    public async Task A_dispatch_interrupted_after_assigning_a_courier_is_taken_back_before_another_courier_gets_the_order()
    {
        var skus = await StockAsync(TestData.Brixton.Id, 3);
        var first = TestData.NewId("courier");
        var second = TestData.NewId("courier");
        await Grains.Courier(new CourierId(first)).RegisterAsync("First", 2, TestOrders.NearBrixton, CourierStatus.Idle);
        await Grains.Courier(new CourierId(second)).RegisterAsync("Second", 2, TestOrders.NearBrixton, CourierStatus.Idle);
        var id = TestData.NewId("o");
        var order = Grains.Order(new OrderId(id));
        await order.PlaceAsync(TestOrders.Delivery(TestOrders.NearBrixton, (skus[0], 1)));
        await order.PackAsync("packer");
        FaultyStorage.FailWritesOf<OrderState>(id, s => s.Status == OrderStatus.Dispatched);

        var failed = await Record.ExceptionAsync(() => order.DispatchAsync(new CourierId(first), "ops"));
        FaultyStorage.Heal(id);
        var dispatched = await order.DispatchAsync(new CourierId(second), "ops");

        Assert.IsType<StorageUnavailableException>(failed);
        Assert.Equal((OrderStatus.Dispatched, second), (dispatched.Order!.Status, dispatched.Order.CourierId));
        Assert.Empty((await Grains.Courier(new CourierId(first)).GetAsync())!.Assignments);
        Assert.Equal([id], (await Grains.Courier(new CourierId(second)).GetAsync())!.Assignments.Select(a => a.OrderId));
    }

    [Fact]
    public async Task A_session_that_cannot_be_told_of_its_order_is_told_once_it_can()
    {
        var skus = await StockAsync(TestData.Camden.Id, 3);
        var sessionId = TestData.NewId("session");
        var told = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = await fixture.Cluster.Client.GetStreamProvider(StreamMap.Provider)
            .GetStream<SessionChanged>(StreamMap.For(SessionChanged.StreamNamespace, sessionId))
            .SubscribeAsync((change, _) =>
            {
                if (change.SessionId == sessionId && change.Kind == SessionChangeKind.Orders)
                {
                    told.TrySetResult();
                }

                return Task.CompletedTask;
            });
        Assert.True(await Grains.Session(new SessionId(sessionId)).ClaimAsync(new ShopperId("Test"))); // the shopper's session, in use before the order (TestOrders places as "Test")
        FaultyStorage.FailWritesOf(sessionId);
        var orderId = TestData.NewId("o");

        var placed = await Grains.Order(new OrderId(orderId)).PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (skus[0], 1)) with { SessionId = new SessionId(sessionId) });
        var before = await Grains.Session(new SessionId(sessionId)).GetAsync();
        FaultyStorage.Heal(sessionId);

        await Await.WithinAsync(told.Task.ContinueWith(_ => true, TaskScheduler.Default), TimeSpan.FromSeconds(10), "the session told of its order");
        await subscription.UnsubscribeAsync();
        Assert.Equal(OrderOutcome.Applied, placed.Outcome);
        Assert.Empty(before.OpenOrders);
        Assert.Equal([orderId], (await Grains.Session(new SessionId(sessionId)).GetAsync()).OpenOrders);
    }

    private async Task<List<string>> StockAsync(string locationId, params int[] stock)
    {
        var skus = await TestData.NewProductsAsync(Grains, stock.Length);
        for (var i = 0; i < stock.Length; i++)
        {
            await Grains.Cell(new CellKey(skus[i], locationId)).ReceiveAsync(stock[i], "opening", "tester");
        }

        return [.. skus];
    }

    /// <summary>(on hand, reserved, committed) of a cell.</summary>
    private async Task<(int OnHand, int Reserved, int Committed)> CellAsync(string sku, string locationId)
    {
        var cell = await Grains.Cell(new CellKey(sku, locationId)).GetSnapshotAsync();
        return (cell.OnHand, cell.Reserved, cell.Committed);
    }
}
