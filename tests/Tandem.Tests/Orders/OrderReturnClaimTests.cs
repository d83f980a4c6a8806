using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Orders;

/// <summary>
/// An order is the arbiter of its returns: a return claims units of a line the shopper received, never more than were
/// bought across all returns, once per return id; a rejected return lets them go.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class OrderReturnClaimTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private Task<(string Sku, IOrderGrain Order)> CollectedAsync(int quantity, bool collect = true) => TestOrders.CollectedAsync(Grains, quantity, collect);

    [Fact]
    public async Task Of_three_hundred_concurrent_claims_of_one_unit_on_a_line_of_five_exactly_five_hold()
    {
        var (sku, order) = await CollectedAsync(quantity: 5);

        var claims = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => order.ClaimReturnAsync($"r{i}", sku, 1)));
        var view = (await order.GetAsync())!;

        Assert.Equal(5, claims.Count(c => c.Outcome == OrderOutcome.Applied));
        Assert.Equal(295, claims.Count(c => c.Outcome == OrderOutcome.Insufficient));
        Assert.Equal(5, view.Returns.Sum(r => r.Quantity));
        Assert.Equal(claims.Where(c => c.Outcome == OrderOutcome.Applied).Select(c => c.Order!.Returns[^1].ReturnId).Order(), view.Returns.Select(r => r.ReturnId).Order());
        Assert.Equal(OrderStatus.PickedUp, view.Status);
        Assert.Equal(view.History[^1].At, view.ReceivedAt);
    }

    [Fact]
    public async Task A_claim_is_idempotent_per_return_id_and_a_released_claim_frees_its_units()
    {
        var (sku, order) = await CollectedAsync(quantity: 3);

        var first = await order.ClaimReturnAsync("r-1", sku, 2);
        var again = await order.ClaimReturnAsync("r-1", sku, 2);
        var other = await order.ClaimReturnAsync("r-1", sku, 1);
        var tooMany = await order.ClaimReturnAsync("r-2", sku, 2);
        var released = await order.ReleaseReturnAsync("r-1");
        var releasedAgain = await order.ReleaseReturnAsync("r-1");
        var now = await order.ClaimReturnAsync("r-2", sku, 3);

        Assert.Equal(
            [OrderOutcome.Applied, OrderOutcome.Replayed, OrderOutcome.KeyReused, OrderOutcome.Insufficient, OrderOutcome.Applied, OrderOutcome.Replayed, OrderOutcome.Applied],
            new[] { first, again, other, tooMany, released, releasedAgain, now }.Select(r => r.Outcome));
        Assert.Equal(("Return r-1 holds 2 × " + sku + ".", "1 of " + sku + " can be returned, not 2."), (other.Detail, tooMany.Detail));
        Assert.Equal([("r-2", sku, 3)], (await order.GetAsync())!.Returns.Select(r => (r.ReturnId, r.Sku, r.Quantity)));
    }

    [Fact]
    public async Task Goods_the_shopper_does_not_have_and_skus_the_order_lacks_cannot_be_claimed()
    {
        var (sku, waiting) = await CollectedAsync(quantity: 2, collect: false);
        var (_, collected) = await CollectedAsync(quantity: 2);

        var notYet = await waiting.ClaimReturnAsync("r-1", sku, 1);
        var otherSku = await collected.ClaimReturnAsync("r-1", sku, 1);
        var none = await collected.ClaimReturnAsync("r-2", (await collected.GetAsync())!.Lines[0].Sku, 0);
        var missing = await Grains.Order(new OrderId(TestData.NewId("o"))).ClaimReturnAsync("r-1", sku, 1);

        Assert.Equal((OrderOutcome.InvalidTransition, "A Pickup order in ReadyForPickup cannot be returned: the shopper does not have it."), (notYet.Outcome, notYet.Detail));
        Assert.Null((await waiting.GetAsync())!.ReceivedAt);
        Assert.Equal(OrderOutcome.Invalid, otherSku.Outcome);
        Assert.Equal(OrderOutcome.Insufficient, none.Outcome);
        Assert.Equal(OrderOutcome.NotFound, missing.Outcome);
        Assert.Empty((await collected.GetAsync())!.Returns);
    }

    [Fact]
    public async Task Settled_returns_make_the_order_partially_returned_then_returned_keep_their_units_and_may_be_claimed_after()
    {
        var (sku, order) = await CollectedAsync(quantity: 3);
        await order.ClaimReturnAsync("r-1", sku, 1);
        await order.ClaimReturnAsync("r-2", sku, 2);

        var unknown = await order.SettleReturnAsync("r-9");
        var first = await order.SettleReturnAsync("r-1");
        var firstAgain = await order.SettleReturnAsync("r-1");
        var release = await order.ReleaseReturnAsync("r-1");
        var claimAfter = await order.ClaimReturnAsync("r-3", sku, 1);
        var cancel = await order.CancelAsync("shopper:Test", null);
        var second = await order.SettleReturnAsync("r-2");

        Assert.Equal(OrderOutcome.Invalid, unknown.Outcome);
        Assert.Equal((OrderOutcome.Applied, OrderStatus.PartiallyReturned), (first.Outcome, first.Order!.Status));
        Assert.Equal((OrderOutcome.Replayed, first.Order.Version), (firstAgain.Outcome, firstAgain.Order!.Version));
        Assert.Equal(OrderOutcome.InvalidTransition, release.Outcome);
        Assert.Equal(OrderOutcome.Insufficient, claimAfter.Outcome);
        Assert.Equal(OrderOutcome.InvalidTransition, cancel.Outcome);
        Assert.Equal((OrderOutcome.Applied, OrderStatus.Returned), (second.Outcome, second.Order!.Status));
        Assert.Equal(
            [(OrderStatus.PickedUp, OrderStatus.PartiallyReturned, $"return r-1: 1 × {sku} back"), (OrderStatus.PartiallyReturned, OrderStatus.Returned, $"return r-2: 2 × {sku} back")],
            second.Order.History.TakeLast(2).Select(h => (h.From, h.To, h.Note)));
        Assert.Equal(first.Order.ReceivedAt, second.Order.ReceivedAt);
    }
}
