using Tandem.Contracts.Couriers;
using Tandem.Contracts.Orders;
using Tandem.Contracts.Returns;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;
using Tandem.Grains.Interfaces.Returns;
using Tandem.Grains.Orders;
using Tandem.Grains.Returns;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Returns;

/// <summary>
/// An approved return from collection to resale: a courier pickup or a store hand-in, sorting, grading that settles it
/// (refund or coupon, the order and the demand told), the put-away that restocks a cell once, and the resale clock.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class ReturnLifecycleTests(GrainClusterFixture fixture)
{
    private const string Shopper = "Test";

    private IGrainFactory Grains => fixture.Grains;

    private async Task<(string Sku, IOrderGrain Order, IReturnGrain Return)> ApprovedAsync(int bought, int returned, ReturnReason reason = ReturnReason.WrongSize)
    {
        var (sku, order) = await TestOrders.CollectedAsync(Grains, bought);
        var id = TestData.NewId("ret");
        var made = await Grains.Return(id).RequestAsync(new ReturnRequest
        {
            ShopperId = Shopper, OrderId = order.GetPrimaryKeyString(), Sku = sku, Quantity = returned, Reason = reason,
            Condition = ItemCondition.OpenedUnused, TagsAttached = true, PhotoType = "image/jpeg", Photo = TestData.TagPhoto,
        });
        if (made.Return!.Status is not (ReturnStatus.Approved or ReturnStatus.InReview))
        {
            throw new InvalidOperationException($"The test return was {made.Return.Status}: {made.Return.Check.Reason}");
        }

        if (made.Return.Status == ReturnStatus.InReview)
        {
            await Grains.Return(id).ReviewAsync(approve: true, "ops:reviewer", null);
        }

        return (sku, order, Grains.Return(id));
    }

    private async Task<string> CourierAsync()
    {
        var id = TestData.NewId("courier");
        await Grains.Courier(new CourierId(id)).RegisterAsync("Returns courier", 2, TestOrders.NearBrixton, CourierStatus.Idle);
        return id;
    }

    [Fact]
    public async Task A_courier_pickup_is_sorted_graded_settled_with_the_coupon_chosen_and_restocked_once()
    {
        var (sku, order, ret) = await ApprovedAsync(bought: 3, returned: 2);
        var courier = await CourierAsync();
        var other = await CourierAsync();
        var onHandBefore = (await Grains.Cell(new CellKey(sku, TestData.Warehouse.Id)).GetSnapshotAsync()).OnHand;

        var chosen = await ret.ChooseCompensationAsync(CompensationKind.Coupon, Shopper, "shopper:Test");
        var foreignChoice = await ret.ChooseCompensationAsync(CompensationKind.Refund, "someone-else", "shopper:someone-else");
        await ret.SchedulePickupAsync(other, "system");
        var scheduled = await ret.SchedulePickupAsync(courier, "system");
        var jobs = await Task.WhenAll(Grains.Courier(new CourierId(courier)).GetAsync(), Grains.Courier(new CourierId(other)).GetAsync());
        var wrongCourier = await ret.CollectByCourierAsync(other, "courier:" + other);
        var collected = await ret.CollectByCourierAsync(courier, "courier:" + courier);
        var collectedAgain = await ret.CollectByCourierAsync(courier, "courier:" + courier);
        var carried = (await Grains.Courier(new CourierId(courier)).GetAsync())!.Assignments.Single();
        var earlyGrade = await ret.GradeAsync(ReturnGrade.A, storeId: null, "ops:sorter", null);
        await ret.ArriveAtSortingAsync("ops:sorter");
        var dropped = await Grains.Courier(new CourierId(courier)).GetAsync();
        var graded = await ret.GradeAsync(ReturnGrade.A, storeId: null, "ops:sorter", "as new");
        var regrade = await ret.GradeAsync(ReturnGrade.B, storeId: null, "ops:sorter", null);
        var putAway = await ret.PutAwayAsync(TestData.Warehouse.Id, "ops:sorter");
        var putAwayAgain = await ret.PutAwayAsync(TestData.Warehouse.Id, "ops:sorter");
        var elsewhere = await ret.PutAwayAsync(TestData.Camden.Id, "ops:sorter");

        Assert.Equal((ReturnOutcome.Applied, CompensationKind.Coupon), (chosen.Outcome, chosen.Return!.Compensation.Chosen));
        Assert.Equal((20m, 22m), (chosen.Return.Compensation.Refund, chosen.Return.Compensation.Coupon));
        Assert.Equal(ReturnOutcome.NotFound, foreignChoice.Outcome);
        Assert.Equal((ReturnStatus.PickupScheduled, courier), (scheduled.Return!.Status, scheduled.Return.CourierId));
        // The courier's job: collect at the store that sold it (the order was collected there), take it to the nearest warehouse.
        var job = Assert.Single(jobs[0]!.Assignments);
        Assert.Equal((ret.GetPrimaryKeyString(), CourierJobKind.ReturnPickup, TestData.Camden.Position, TestData.Warehouse.Position, false), (job.OrderId, job.Kind, job.Pickup, job.Dropoff, job.PickedUp));
        Assert.Empty(jobs[1]!.Assignments); // the replaced courier dropped it
        Assert.True(carried.PickedUp);
        Assert.Equal((CourierStatus.Idle, 0), (dropped!.Status, dropped.Assignments.Count));
        Assert.Equal((ReturnOutcome.NotFound, null), (wrongCourier.Outcome, wrongCourier.Return));
        Assert.Equal((ReturnStatus.Collected, ResaleClock.OnTrack), (collected.Return!.Status, collected.Return.Resale));
        Assert.Equal(collected.Return.CollectedAt + TimeSpan.FromHours(72), collected.Return.ResaleDueBy);
        Assert.Equal(ReturnOutcome.Replayed, collectedAgain.Outcome);
        Assert.Equal(ReturnOutcome.InvalidTransition, earlyGrade.Outcome);
        Assert.Equal((ReturnOutcome.Applied, ReturnStatus.Graded, ReturnGrade.A), (graded.Outcome, graded.Return!.Status, graded.Return.Grade));
        var settlement = graded.Return.Settlement!;
        Assert.Equal((CompensationKind.Coupon, 22m, "ops:sorter", (double?)null), (settlement.Kind, settlement.Amount, settlement.Actor, settlement.CounterSeconds));
        Assert.Equal(ReturnOutcome.InvalidTransition, regrade.Outcome);
        Assert.Equal((ReturnStatus.Restocked, $"{sku}@{TestData.Warehouse.Id}", ResaleClock.Met), (putAway.Return!.Status, putAway.Return.RestockedTo, putAway.Return.Resale));
        Assert.Equal(ReturnOutcome.Replayed, putAwayAgain.Outcome);
        Assert.Equal(ReturnOutcome.InvalidTransition, elsewhere.Outcome);
        Assert.Equal(
            [ReturnStatus.Requested, ReturnStatus.Approved, ReturnStatus.PickupScheduled, ReturnStatus.PickupScheduled, ReturnStatus.Collected, ReturnStatus.AtSorting, ReturnStatus.Graded, ReturnStatus.Restocked],
            putAway.Return.History.Select(t => t.To));
        Assert.Equal([Shopper, "system", "system", "system", "courier:" + courier, "ops:sorter", "ops:sorter", "ops:sorter"], putAway.Return.History.Select(t => t.Actor));
        Assert.Equal($"courier {courier} instead of {other}", putAway.Return.History[3].Note);

        // The consequences, each once: the coupon, the order's status and history, the demand, the cell.
        var coupon = await Grains.Coupon(settlement.CouponCode!).GetAsync();
        Assert.Equal((Shopper, 22m, ret.GetPrimaryKeyString(), (string?)null), (coupon!.ShopperId, coupon.Amount, coupon.ReturnId, coupon.RedeemedBy));
        Assert.Equal(settlement.At.AddDays(90), coupon.ExpiresAt);
        var placed = (await order.GetAsync())!;
        Assert.Equal(OrderStatus.PartiallyReturned, placed.Status);
        Assert.Equal($"return {ret.GetPrimaryKeyString()}: 2 × {sku} back", placed.History[^1].Note);
        Assert.Equal(settlement.At, placed.Returns.Single().SettledAt);
        var demand = await Grains.Demand(new CellKey(sku, TestData.Camden.Id)).GetAsync();
        Assert.Equal(2, demand.Days.Sum(d => d.Returned));
        var cell = await Grains.Cell(new CellKey(sku, TestData.Warehouse.Id)).GetSnapshotAsync();
        Assert.Equal(onHandBefore + 2, cell.OnHand);
    }

    [Fact]
    public async Task An_item_handed_in_at_a_store_is_graded_there_only_and_settles_with_the_counter_time()
    {
        var (_, order, ret) = await ApprovedAsync(bought: 1, returned: 1);

        var unknownStore = await ret.HandInAtStoreAsync("no-such-store", "ops:counter");
        var handedIn = await ret.HandInAtStoreAsync(TestData.Camden.Id, "ops:counter");
        var pickupAfter = await ret.SchedulePickupAsync(await CourierAsync(), "system");
        GrainClusterFixture.Clock.Advance(TimeSpan.FromMinutes(4));
        var otherStore = await ret.GradeAsync(ReturnGrade.B, TestData.Brixton.Id, "ops:brixton", null);
        var graded = await ret.GradeAsync(ReturnGrade.B, TestData.Camden.Id, "ops:counter", null);

        Assert.Equal(ReturnOutcome.Invalid, unknownStore.Outcome);
        Assert.Equal((ReturnStatus.Collected, TestData.Camden.Id), (handedIn.Return!.Status, handedIn.Return.StoreId));
        Assert.Equal(ReturnOutcome.InvalidTransition, pickupAfter.Outcome);
        Assert.Equal((ReturnOutcome.NotFound, null), (otherStore.Outcome, otherStore.Return));
        var settlement = graded.Return!.Settlement!;
        Assert.Equal((CompensationKind.Refund, 10m, (string?)null, 240d), (settlement.Kind, settlement.Amount, settlement.CouponCode, settlement.CounterSeconds));
        Assert.Equal(OrderStatus.Returned, (await order.GetAsync())!.Status);
    }

    [Fact]
    public async Task A_fault_is_refunded_not_offered_a_coupon_and_grade_C_is_disposed_without_restock()
    {
        var (_, _, ret) = await ApprovedAsync(bought: 1, returned: 1, ReturnReason.Damaged);
        var view = (await ret.GetAsync())!;

        var coupon = await ret.ChooseCompensationAsync(CompensationKind.Coupon, Shopper, "shopper:Test");
        await ret.HandInAtStoreAsync(TestData.Camden.Id, "ops:counter");
        var graded = await ret.GradeAsync(ReturnGrade.C, TestData.Camden.Id, "ops:counter", "cracked");
        var putAway = await ret.PutAwayAsync(TestData.Camden.Id, "ops:counter");

        Assert.Equal((10m, (decimal?)null), (view.Compensation.Refund, view.Compensation.Coupon));
        Assert.Equal(ReturnOutcome.InvalidTransition, coupon.Outcome);
        Assert.Equal((ReturnStatus.Disposed, ResaleClock.NotApplicable, CompensationKind.Refund), (graded.Return!.Status, graded.Return.Resale, graded.Return.Settlement!.Kind));
        Assert.Equal([ReturnStatus.Graded, ReturnStatus.Disposed], graded.Return.History.TakeLast(2).Select(t => t.To));
        Assert.Equal(ReturnOutcome.InvalidTransition, putAway.Outcome);
        Assert.Null(putAway.Return!.RestockedTo);
    }

    [Fact]
    public async Task A_settlement_the_order_could_not_write_is_finished_by_the_sweep()
    {
        var (_, order, ret) = await ApprovedAsync(bought: 2, returned: 2);
        var orderId = order.GetPrimaryKeyString();
        await ret.HandInAtStoreAsync(TestData.Camden.Id, "ops:counter");
        FaultyStorage.FailWritesOf<OrderState>(orderId, s => s.Returns.Exists(r => r.SettledAt is not null));
        ReturnResult graded;
        try
        {
            graded = await ret.GradeAsync(ReturnGrade.A, TestData.Camden.Id, "ops:counter", null);
        }
        finally
        {
            FaultyStorage.Heal(orderId);
        }

        var statusBefore = (await order.GetAsync())!.Status;
        var due = FaultyStorage.DueAt(ReturnGrain.StateName, ret.GetGrainId());
        GrainClusterFixture.Clock.Advance(new ReturnOptions().CatchUpAfter);
        await Grains.OrderSweeper().SweepAsync();

        Assert.Equal(ReturnStatus.Graded, graded.Return!.Status);
        Assert.Equal(OrderStatus.PickedUp, statusBefore);
        Assert.Equal(graded.Return.Settlement!.At + new ReturnOptions().CatchUpAfter, due);
        var settled = (await order.GetAsync())!;
        Assert.Equal((OrderStatus.Returned, 1), (settled.Status, settled.History.Count(h => h.To == OrderStatus.Returned)));
    }

    [Fact]
    public async Task A_collected_item_not_back_on_sale_raises_at_risk_then_breached_and_the_clock_says_missed_when_late()
    {
        var (_, _, ret) = await ApprovedAsync(bought: 1, returned: 1);
        var options = new ReturnOptions();
        var collected = (await ret.HandInAtStoreAsync(TestData.Camden.Id, "ops:counter")).Return!.CollectedAt!.Value;
        var firstMark = FaultyStorage.DueAt(ReturnGrain.StateName, ret.GetGrainId());

        GrainClusterFixture.Clock.Advance(options.ResaleAtRiskAfter);
        await ret.CatchUpAsync();
        var atRisk = (await ret.GetAsync())!.Resale;
        var secondMark = FaultyStorage.DueAt(ReturnGrain.StateName, ret.GetGrainId());
        GrainClusterFixture.Clock.Advance(options.ResaleWithin - options.ResaleAtRiskAfter);
        await ret.CatchUpAsync();
        var breached = (await ret.GetAsync())!.Resale;
        var thirdMark = FaultyStorage.DueAt(ReturnGrain.StateName, ret.GetGrainId());
        await ret.GradeAsync(ReturnGrade.A, TestData.Camden.Id, "ops:counter", null);
        var restocked = await ret.PutAwayAsync(TestData.Camden.Id, "ops:counter");

        Assert.Equal(collected + options.ResaleAtRiskAfter, firstMark);
        Assert.Equal((ResaleClock.AtRisk, collected + options.ResaleWithin), (atRisk, secondMark));
        Assert.Equal((ResaleClock.Breached, (DateTimeOffset?)null), (breached, thirdMark));
        Assert.Equal(ResaleClock.Missed, restocked.Return!.Resale);
    }

    [Fact]
    public async Task Whether_the_shopper_bought_again_within_the_window_after_settlement_is_known_when_the_window_is_over()
    {
        var within = GrainClusterFixture.RepurchaseWithin; // 48 h here (30 days unless configured)
        var (_, _, withCoupon) = await ApprovedAsync(bought: 1, returned: 1);
        await withCoupon.ChooseCompensationAsync(CompensationKind.Coupon, Shopper, "shopper:Test");
        await withCoupon.HandInAtStoreAsync(TestData.Camden.Id, "ops:counter");
        var couponAt = (await withCoupon.GradeAsync(ReturnGrade.A, TestData.Camden.Id, "ops:counter", null)).Return!.Settlement!.At;
        await withCoupon.PutAwayAsync(TestData.Camden.Id, "ops:counter"); // back on sale: only the repurchase window keeps it due
        var (_, _, refunded) = await ApprovedAsync(bought: 1, returned: 1); // its order is placed as the first is settled: not after it
        var dueAfterCoupon = FaultyStorage.DueAt(ReturnGrain.StateName, withCoupon.GetGrainId());

        GrainClusterFixture.Clock.Advance(TimeSpan.FromHours(12));
        await TestOrders.CollectedAsync(Grains, 1); // the shopper buys again (placed and packed) 12 h after the coupon
        GrainClusterFixture.Clock.Advance(TimeSpan.FromHours(6));
        await refunded.HandInAtStoreAsync(TestData.Camden.Id, "ops:counter");
        await refunded.GradeAsync(ReturnGrade.B, TestData.Camden.Id, "ops:counter", null); // settled after that purchase: nothing since
        GrainClusterFixture.Clock.Advance(TimeSpan.FromHours(29));
        await Task.WhenAll(withCoupon.CatchUpAsync(), refunded.CatchUpAsync());
        var stillOpen = ((await withCoupon.GetAsync())!.Repurchased, (await refunded.GetAsync())!.Repurchased);
        var boardBefore = await Grains.ReturnsBoard().GetAsync();
        GrainClusterFixture.Clock.Advance(TimeSpan.FromHours(20));
        await Task.WhenAll(withCoupon.CatchUpAsync(), refunded.CatchUpAsync());
        var boardAfter = await Grains.ReturnsBoard().GetAsync();

        Assert.Equal(couponAt + within, dueAfterCoupon);
        Assert.Equal(((bool?)null, (bool?)null), stillOpen); // 47 h after the coupon: not over yet
        var (coupon, refund) = ((await withCoupon.GetAsync())!, (await refunded.GetAsync())!);
        Assert.Equal((CompensationKind.Coupon, true), (coupon.Settlement!.Kind, coupon.Repurchased));
        Assert.Equal((CompensationKind.Refund, false), (refund.Settlement!.Kind, refund.Repurchased)); // 49 h after the refund, nothing bought
        Assert.Null(FaultyStorage.DueAt(ReturnGrain.StateName, withCoupon.GetGrainId()));
        // The board was told: one more in each cohort whose window closed (no other return's window closes in this test).
        Assert.Equal((boardBefore.CouponCohort + 1, boardBefore.RefundCohort + 1), (boardAfter.CouponCohort, boardAfter.RefundCohort));
    }
}
