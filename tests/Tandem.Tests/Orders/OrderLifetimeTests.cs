using Microsoft.Extensions.DependencyInjection;

using Orleans.TestingHost;

using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Orders;

/// <summary>An order is looked after from placement until it is finished, and one never packed lets its stock go.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class OrderLifetimeTests(GrainClusterFixture fixture)
{
    private const string Reminder = "order-duties";

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
    public async Task The_reminder_expires_an_order_nobody_touches_and_then_stops()
    {
        var (sku, order) = await PlacedAsync(stock: 2, quantity: 2);
        var registered = await ReminderOfAsync(order);

        GrainClusterFixture.Clock.Advance(TimeSpan.FromHours(25));
        await order.AsReference<IRemindable>().ReceiveReminder(Reminder, default, TestContext.Current.CancellationToken); // the tick Orleans makes every minute
        var expired = await order.GetAsync();
        var afterwards = await ReminderOfAsync(order);

        Assert.NotNull(registered);
        Assert.Equal(OrderStatus.Expired, expired!.Status);
        Assert.Equal(0, (await Grains.Cell(new CellKey(sku, TestData.Camden.Id)).GetSnapshotAsync()).Reserved);
        Assert.Null(afterwards);
    }

    [Fact]
    public async Task A_pickup_order_is_watched_by_its_reminder_until_it_is_collected()
    {
        var (_, order) = await PlacedAsync(stock: 1, quantity: 1);

        await order.PackAsync("packer");
        await order.MarkReadyForPickupAsync("store");
        var whileOpen = await ReminderOfAsync(order);
        await order.MarkPickedUpAsync("shopper:Test");
        await order.AsReference<IRemindable>().ReceiveReminder(Reminder, default, TestContext.Current.CancellationToken);
        var finished = await ReminderOfAsync(order);

        Assert.NotNull(whileOpen);
        Assert.Equal(TimeSpan.FromMinutes(1), whileOpen.Period);
        Assert.Null(finished);
    }

    [Fact]
    public async Task An_open_order_with_nothing_left_to_finish_lets_its_reminder_doze_and_a_duty_wakes_it_before_it_is_written()
    {
        var (_, order) = await PlacedAsync(stock: 1, quantity: 1);
        await order.PackAsync("packer");
        await order.MarkReadyForPickupAsync("store");

        await order.AsReference<IRemindable>().ReceiveReminder(Reminder, default, TestContext.Current.CancellationToken); // nothing left to finish
        var dozing = await ReminderOfAsync(order);

        // Collecting writes a duty (tell the session); the write fails, but the reminder was woken before it.
        FaultyStorage.FailWritesOf(order.GetPrimaryKeyString());
        await Assert.ThrowsAnyAsync<Exception>(() => order.MarkPickedUpAsync("shopper:Test"));
        var wokenBeforeTheWrite = await ReminderOfAsync(order);
        FaultyStorage.Heal(order.GetPrimaryKeyString());
        var collected = await order.MarkPickedUpAsync("shopper:Test");

        Assert.Equal(TimeSpan.FromHours(1), dozing!.Period);
        Assert.Equal(TimeSpan.FromMinutes(1), wokenBeforeTheWrite!.Period);
        Assert.Equal((OrderOutcome.Applied, OrderStatus.PickedUp), (collected.Outcome, collected.Order!.Status));
        Assert.Equal(TimeSpan.FromMinutes(1), (await ReminderOfAsync(order))!.Period);
    }

    [Fact]
    public async Task An_unpacked_order_dozes_no_later_than_its_expiry()
    {
        var (_, order) = await PlacedAsync(stock: 1, quantity: 1);

        var before = DateTime.UtcNow;
        await order.AsReference<IRemindable>().ReceiveReminder(Reminder, default, TestContext.Current.CancellationToken);
        var far = await ReminderOfAsync(order);
        GrainClusterFixture.Clock.Advance(TimeSpan.FromHours(23.5));
        await order.AsReference<IRemindable>().ReceiveReminder(Reminder, default, TestContext.Current.CancellationToken);
        var near = await ReminderOfAsync(order);
        var after = DateTime.UtcNow;

        Assert.Equal(TimeSpan.FromHours(1), far!.Period);
        Assert.InRange(far.StartAt, before.AddHours(1), after.AddHours(1)); // expiry is a day away: due after the idle period
        Assert.InRange(near!.StartAt, before.AddMinutes(30), after.AddMinutes(30)); // 30 minutes before expiry: due then
        Assert.Equal(OrderStatus.Reserved, (await order.GetAsync())!.Status);
    }

    [Fact]
    public async Task A_reminder_the_stored_order_does_not_know_of_is_dropped_at_its_first_tick()
    {
        // As left behind when the plan's write failed beside the registration and the order was never retried.
        var order = Grains.Order(new OrderId(TestData.NewId("o")));
        var table = ReminderTable();
        await table.UpsertRow(new ReminderEntry
        {
            GrainId = order.GetGrainId(), ReminderName = Reminder, StartAt = DateTime.UtcNow.AddMinutes(1), Period = TimeSpan.FromMinutes(1),
        }, TestContext.Current.CancellationToken);

        await order.AsReference<IRemindable>().ReceiveReminder(Reminder, default, TestContext.Current.CancellationToken);

        Assert.Null(await ReminderOfAsync(order));
        Assert.Null(await order.GetAsync());
    }

    private async Task<(string Sku, IOrderGrain Order)> PlacedAsync(int stock, int quantity)
    {
        var sku = (await TestData.NewProductsAsync(Grains, 1))[0];
        await Grains.Cell(new CellKey(sku, TestData.Camden.Id)).ReceiveAsync(stock, "opening", "tester");
        var order = Grains.Order(new OrderId(TestData.NewId("o")));
        var placed = await order.PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (sku, quantity)));
        Assert.Equal(OrderOutcome.Applied, placed.Outcome);
        return (sku, order);
    }

    private Task<ReminderEntry?> ReminderOfAsync(IOrderGrain order) => ReminderTable().ReadRow(order.GetGrainId(), Reminder)!;

    private IReminderTable ReminderTable() =>
        ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost!.Services.GetRequiredService<IReminderTable>();
}
