using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Returns;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Returns;

/// <summary>A coupon is issued once, spent once by its shopper before it ends, and given back when its order does not go through.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class CouponGrainTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private async Task<ICouponGrain> IssuedAsync(decimal amount = 22m, TimeSpan? validFor = null)
    {
        var coupon = Grains.Coupon(TestData.NewId("cp"));
        var issued = await coupon.IssueAsync(Grant(amount, validFor));
        Assert.Equal(CouponOutcome.Applied, issued.Outcome);
        return coupon;
    }

    private static CouponGrant Grant(decimal amount = 22m, TimeSpan? validFor = null) => new()
    {
        ShopperId = "shopper-a", Amount = amount, ReturnId = "ret-1", ExpiresAt = GrainClusterFixture.Clock.GetUtcNow() + (validFor ?? TimeSpan.FromDays(90)),
    };

    [Fact]
    public async Task Of_two_hundred_concurrent_redemptions_by_different_orders_exactly_one_spends_it_and_its_retry_is_replayed()
    {
        var coupon = await IssuedAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => coupon.RedeemAsync("shopper-a", $"o-{i}")));
        var winner = results.Single(r => r.Outcome == CouponOutcome.Applied).Coupon!.RedeemedBy!;
        var retry = await coupon.RedeemAsync("shopper-a", winner);

        Assert.Equal(199, results.Count(r => r.Outcome == CouponOutcome.Conflict));
        Assert.Equal((CouponOutcome.Replayed, winner), (retry.Outcome, retry.Coupon!.RedeemedBy));
    }

    [Fact]
    public async Task Another_shopper_an_unknown_code_an_expired_coupon_and_another_grant_are_refused()
    {
        var coupon = await IssuedAsync(validFor: TimeSpan.FromMinutes(5));

        var foreign = await coupon.RedeemAsync("shopper-b", "o-1");
        var unknown = await Grains.Coupon(TestData.NewId("cp")).RedeemAsync("shopper-a", "o-1");
        var regrant = await coupon.IssueAsync(Grant(amount: 50m));
        GrainClusterFixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var expired = await coupon.RedeemAsync("shopper-a", "o-1");

        Assert.Equal((CouponOutcome.NotFound, null), (foreign.Outcome, foreign.Coupon));
        Assert.Equal(CouponOutcome.NotFound, unknown.Outcome);
        Assert.Equal((CouponOutcome.Conflict, 22m), (regrant.Outcome, regrant.Coupon!.Amount));
        Assert.Equal((CouponOutcome.Expired, (string?)null), (expired.Outcome, expired.Coupon!.RedeemedBy));
    }

    [Fact]
    public async Task A_release_by_the_order_that_spent_it_gives_it_back_and_another_orders_release_changes_nothing()
    {
        var coupon = await IssuedAsync();
        await coupon.RedeemAsync("shopper-a", "o-1");

        var byOther = await coupon.ReleaseAsync("o-2");
        var released = await coupon.ReleaseAsync("o-1");
        var again = await coupon.ReleaseAsync("o-1");
        var respent = await coupon.RedeemAsync("shopper-a", "o-3");

        Assert.Equal((CouponOutcome.Replayed, "o-1"), (byOther.Outcome, byOther.Coupon!.RedeemedBy));
        Assert.Equal((CouponOutcome.Applied, (string?)null), (released.Outcome, released.Coupon!.RedeemedBy));
        Assert.Equal(CouponOutcome.Replayed, again.Outcome);
        Assert.Equal((CouponOutcome.Applied, "o-3"), (respent.Outcome, respent.Coupon!.RedeemedBy));
    }
}
