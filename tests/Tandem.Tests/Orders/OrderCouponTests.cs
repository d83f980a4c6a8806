using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Errors;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;
using Tandem.Grains.Interfaces.Returns;
using Tandem.Grains.Orders;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Orders;

/// <summary>A coupon spent at checkout: it takes its amount off the order once, and comes back when the order does not go through.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class OrderCouponTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private async Task<string> CouponAsync(decimal amount, string shopper = "Test")
    {
        var code = TestData.NewId("cp");
        await Grains.Coupon(code).IssueAsync(new CouponGrant
        {
            ShopperId = shopper, Amount = amount, ReturnId = TestData.NewId("ret"), ExpiresAt = GrainClusterFixture.Clock.GetUtcNow().AddDays(90),
        });
        return code;
    }

    private async Task<string> StockedAsync(int units)
    {
        var sku = (await TestData.NewProductsAsync(Grains, 1))[0];
        await Grains.Cell(new CellKey(sku, TestData.Camden.Id)).ReceiveAsync(units, "opening", "tester");
        return sku;
    }

    private Task<OrderResult> PlaceAsync(string sku, int quantity, string? coupon) =>
        Grains.Order(new OrderId(TestData.NewId("o"))).PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (sku, quantity)) with { CouponCode = coupon });

    [Fact]
    public async Task A_coupon_is_taken_off_one_order_refused_to_a_second_and_spendable_again_once_the_first_is_cancelled()
    {
        var sku = await StockedAsync(10);
        var code = await CouponAsync(15m);

        var first = await PlaceAsync(sku, 2, code);
        var second = await PlaceAsync(sku, 1, code);
        var availableAfterSecond = (await Grains.Cell(new CellKey(sku, TestData.Camden.Id)).GetSnapshotAsync()).Available;
        await Grains.Order(new OrderId(first.Order!.OrderId)).CancelAsync("shopper:Test", null);
        var released = await Grains.Coupon(code).GetAsync();
        var third = await PlaceAsync(sku, 1, code);

        Assert.Equal((OrderOutcome.Applied, 15m, 5m, code), (first.Outcome, first.Order.Discount, first.Order.Total, first.Order.CouponCode));
        Assert.Equal(OrderOutcome.InvalidTransition, second.Outcome);
        Assert.Equal($"Coupon {code} was spent on order {first.Order.OrderId}.", second.Detail);
        Assert.Equal(8, availableAfterSecond);
        Assert.Null(released!.RedeemedBy);
        Assert.Equal((OrderOutcome.Applied, 10m, 0m), (third.Outcome, third.Order!.Discount, third.Order.Total));
        Assert.Equal(third.Order.OrderId, (await Grains.Coupon(code).GetAsync())!.RedeemedBy);
    }

    [Fact]
    public async Task A_placement_that_died_after_spending_its_coupon_gives_it_back_when_abandoned_and_another_shoppers_coupon_is_unknown()
    {
        var sku = await StockedAsync(3);
        var code = await CouponAsync(5m);
        var foreign = await CouponAsync(5m, shopper: "someone-else");
        var id = TestData.NewId("o");
        var order = Grains.Order(new OrderId(id));
        FaultyStorage.FailWritesOf<OrderState>(id, s => s.Placed); // the coupon is spent, the placed order is not written

        var failed = await Record.ExceptionAsync(() => order.PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (sku, 1)) with { CouponCode = code }));
        FaultyStorage.Heal(id);
        var spentBy = (await Grains.Coupon(code).GetAsync())!.RedeemedBy;
        GrainClusterFixture.Clock.Advance(new OrderOptions().AbandonPlanAfter);
        await order.CatchUpAsync(); // what the sweeper does when the plan's due time comes
        var notHers = await PlaceAsync(sku, 1, foreign);
        var retried = await PlaceAsync(sku, 1, code);

        Assert.IsType<StorageUnavailableException>(failed);
        Assert.Equal(id, spentBy);
        Assert.Null(await order.GetAsync());
        Assert.Equal(OrderOutcome.UnknownReference, notHers.Outcome);
        Assert.Null((await Grains.Coupon(foreign).GetAsync())!.RedeemedBy);
        Assert.Equal((OrderOutcome.Applied, 5m, 5m), (retried.Outcome, retried.Order!.Discount, retried.Order.Total));
    }
}
