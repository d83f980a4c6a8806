using Microsoft.Extensions.DependencyInjection;

using Orleans.TestingHost;

using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Errors;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;
using Tandem.Grains.Orders;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Orders;

/// <summary>
/// An order stores when it is next due with every write; the sweeper wakes due orders, which finish what a dead
/// activation left, abandon plans never completed, and expire orders not packed within a day.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class OrderLifetimeTests(GrainClusterFixture fixture)
{
    private static readonly TimeSpan CatchUpAfter = new OrderOptions().CatchUpAfter;

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task An_order_not_packed_within_a_day_expires_when_packed_late_and_its_stock_goes_back()
    {
        var (sku, order) = await PlacedAsync(stock: 4, quantity: 3);

        GrainClusterFixture.Clock.Advance(TimeSpan.FromHours(24));
        var packed = await order.PackAsync("packer");
        var cancelled = await order.CancelAsync("ops", null);

        Assert.Equal((OrderOutcome.InvalidTransition, OrderStatus.Expired), (packed.Outcome, packed.Order!.Status));
        Assert.Equal(("system", "not packed within 24 h"), (packed.Order.History[^1].Actor, packed.Order.History[^1].Note));
        Assert.Equal(OrderOutcome.InvalidTransition, cancelled.Outcome);
        var cell = await Grains.Cell(new CellKey(sku, TestData.Camden.Id)).GetSnapshotAsync();
        Assert.Equal((4, 0, 4), (cell.OnHand, cell.Reserved, cell.Available));
    }

    [Fact]
    public async Task An_unpacked_order_is_due_at_its_expiry_and_a_sweep_then_expires_it()
    {
        var (sku, order) = await PlacedAsync(stock: 2, quantity: 2);
        var placedAt = (await order.GetAsync())!.PlacedAt;
        var afterPlacing = DueOf(order); // the write that placed it holds a duty (tell the session): due soon

        GrainClusterFixture.Clock.Advance(CatchUpAfter);
        await Grains.OrderSweeper().SweepAsync();
        var waiting = DueOf(order); // the duty was delivered; the order waits to be packed
        GrainClusterFixture.Clock.Advance(TimeSpan.FromHours(24));
        await Grains.OrderSweeper().SweepAsync();
        var expired = await order.GetAsync();

        Assert.Equal(placedAt + CatchUpAfter, afterPlacing);
        Assert.Equal(placedAt + TimeSpan.FromHours(24), waiting);
        Assert.Equal((OrderStatus.Expired, "not packed within 24 h"), (expired!.Status, expired.History[^1].Note));
        Assert.Equal(0, (await Grains.Cell(new CellKey(sku, TestData.Camden.Id)).GetSnapshotAsync()).Reserved);
        Assert.Null(DueOf(order)); // the expiry's duties were delivered at once, and the catch-up stored that
    }

    [Fact]
    public async Task One_sweep_wakes_every_due_order_however_many_batches_they_fill()
    {
        var orders = (await Task.WhenAll(Enumerable.Range(0, 3 * GrainClusterFixture.SweepBatch + 1).Select(_ => PlacedAsync(stock: 1, quantity: 1))))
            .Select(p => p.Order).ToList();

        GrainClusterFixture.Clock.Advance(CatchUpAfter);
        await Grains.OrderSweeper().SweepAsync();

        var placed = await Task.WhenAll(orders.Select(o => o.GetAsync()));
        Assert.Equal(placed.Select(o => (DateTimeOffset?)(o!.PlacedAt + TimeSpan.FromHours(24))), orders.Select(DueOf));
    }

    [Fact]
    public async Task An_order_that_does_not_answer_its_catch_up_does_not_hold_back_a_sweep_and_stays_due_for_the_next()
    {
        var (_, answering) = await PlacedAsync(stock: 1, quantity: 1);
        var (_, silent) = await PlacedAsync(stock: 1, quantity: 1, TestData.NewId("o-" + HeldCatchUps.Marker));
        var (answeringPlaced, silentPlaced) = ((await answering.GetAsync())!.PlacedAt, (await silent.GetAsync())!.PlacedAt);

        DateTimeOffset? answeringDue, silentDue;
        using (HeldCatchUps.Close())
        {
            GrainClusterFixture.Clock.Advance(CatchUpAfter);
            await Await.WithinAsync(Grains.OrderSweeper().SweepAsync(), TimeSpan.FromSeconds(20), "a sweep past an order that does not answer");
            (answeringDue, silentDue) = (DueOf(answering), DueOf(silent));
        }

        await Grains.OrderSweeper().SweepAsync();

        Assert.Equal(answeringPlaced + TimeSpan.FromHours(24), answeringDue); // caught up: now due only at its expiry
        Assert.Equal(silentPlaced + CatchUpAfter, silentDue); // not caught up: still due
        Assert.Equal(silentPlaced + TimeSpan.FromHours(24), DueOf(silent)); // the next sweep caught it up
    }

    [Fact]
    public async Task A_pickup_order_is_not_due_while_it_only_waits_to_be_collected_nor_once_collected()
    {
        var (_, order) = await PlacedAsync(stock: 1, quantity: 1);
        await order.PackAsync("packer");
        await order.MarkReadyForPickupAsync("store");
        GrainClusterFixture.Clock.Advance(CatchUpAfter);
        await Grains.OrderSweeper().SweepAsync();
        var waiting = DueOf(order);

        await order.MarkPickedUpAsync("shopper:Test");
        var collected = DueOf(order); // its duties (release the shopper's count, close the session's order) were written with it
        GrainClusterFixture.Clock.Advance(CatchUpAfter);
        await Grains.OrderSweeper().SweepAsync();

        Assert.Null(waiting);
        Assert.Equal(GrainClusterFixture.Clock.GetUtcNow(), collected);
        Assert.Null(DueOf(order));
        Assert.Equal(OrderStatus.PickedUp, (await order.GetAsync())!.Status);
    }

    [Fact]
    public async Task A_duty_left_undelivered_by_an_activation_that_died_is_delivered_by_the_sweep()
    {
        var (sessionId, order, placed) = await UntoldOrders.PlaceAsync(Grains);
        var beforeTheSweep = await Grains.Session(sessionId).GetAsync();
        GrainClusterFixture.Clock.Advance(CatchUpAfter);
        await Grains.OrderSweeper().SweepAsync();

        Assert.Equal(OrderOutcome.Applied, placed.Outcome);
        Assert.Empty(beforeTheSweep.OpenOrders);
        Assert.Equal([order.GetPrimaryKeyString()], (await Grains.Session(sessionId).GetAsync()).OpenOrders);
        Assert.Equal(placed.Order!.PlacedAt + TimeSpan.FromHours(24), DueOf(order)); // now due only at its expiry
    }

    [Fact]
    public async Task A_plan_whose_placement_died_after_its_holds_were_taken_is_abandoned_by_the_sweep_and_its_stock_goes_back()
    {
        var sku = (await TestData.NewProductsAsync(Grains, 1))[0];
        var cell = Grains.Cell(new CellKey(sku, TestData.Camden.Id));
        await cell.ReceiveAsync(3, "opening", "tester");
        var id = TestData.NewId("o");
        var order = Grains.Order(new OrderId(id));
        FaultyStorage.FailWritesOf<OrderState>(id, s => s.Placed); // the plan is written, the holds are taken, the placed order is not written

        var failed = await Record.ExceptionAsync(() => order.PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (sku, 2))));
        FaultyStorage.Heal(id);
        var held = (await cell.GetSnapshotAsync()).Reserved;
        var plannedDue = DueOf(order);
        var plannedAt = GrainClusterFixture.Clock.GetUtcNow();
        GrainClusterFixture.Clock.Advance(TimeSpan.FromMinutes(2)); // the shopper never asked again
        await Grains.OrderSweeper().SweepAsync();

        Assert.IsType<StorageUnavailableException>(failed);
        Assert.Equal(2, held);
        Assert.Equal(plannedAt + new OrderOptions().AbandonPlanAfter, plannedDue);
        Assert.Equal(0, (await cell.GetSnapshotAsync()).Reserved);
        Assert.Null(await order.GetAsync());
        Assert.Null(DueOf(order)); // the shopper's count was let go at once, and the catch-up stored that
    }

    [Fact]
    public async Task A_reminder_left_by_an_order_from_before_due_times_is_dropped_at_its_first_tick_and_the_order_caught_up()
    {
        var (_, order) = await PlacedAsync(stock: 1, quantity: 1);
        var table = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost!.Services.GetRequiredService<IReminderTable>();
        await table.UpsertRow(new ReminderEntry
        {
            GrainId = order.GetGrainId(), ReminderName = "order-duties", StartAt = DateTime.UtcNow.AddMinutes(1), Period = TimeSpan.FromMinutes(1),
        }, TestContext.Current.CancellationToken);
        GrainClusterFixture.Clock.Advance(CatchUpAfter);

        await order.AsReference<IRemindable>().ReceiveReminder("order-duties", default, TestContext.Current.CancellationToken);

        Assert.Null(await table.ReadRow(order.GetGrainId(), "order-duties", TestContext.Current.CancellationToken));
        Assert.Equal((await order.GetAsync())!.PlacedAt + TimeSpan.FromHours(24), DueOf(order));
    }

    private async Task<(string Sku, IOrderGrain Order)> PlacedAsync(int stock, int quantity, string? id = null)
    {
        var sku = (await TestData.NewProductsAsync(Grains, 1))[0];
        await Grains.Cell(new CellKey(sku, TestData.Camden.Id)).ReceiveAsync(stock, "opening", "tester");
        var order = Grains.Order(new OrderId(id ?? TestData.NewId("o")));
        var placed = await order.PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (sku, quantity)));
        Assert.Equal(OrderOutcome.Applied, placed.Outcome);
        return (sku, order);
    }

    private static DateTimeOffset? DueOf(IOrderGrain order) => FaultyStorage.DueAt(OrderGrain.StateName, order.GetGrainId());
}
