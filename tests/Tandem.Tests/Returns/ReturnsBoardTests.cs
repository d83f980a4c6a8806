using Tandem.Contracts.Returns;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Returns;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Returns;

/// <summary>The returns board: the newest summary of each return wins, and the KPIs are what the summaries say.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class ReturnsBoardTests(GrainClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static ReturnSummary Summary(string id, ReturnStatus status, ReturnStatus verdict = ReturnStatus.Approved, string rule = "passed", long version = 1) => new()
    {
        ReturnId = id, Version = version, Sku = "SKU", Quantity = 1, Status = status, Verdict = verdict, Rule = rule, RequestedAt = T0,
        Resale = ResaleClock.NotStarted, CouponOffered = true,
    };

    private static ReturnSummary Resold(string id, double hours, CompensationKind settled, double? counterSeconds = null) => Summary(id, ReturnStatus.Restocked) with
    {
        CollectedAt = T0, ResoldAt = T0.AddHours(hours), Resale = hours < 72 ? ResaleClock.Met : ResaleClock.Missed, Settled = settled, CounterSeconds = counterSeconds,
    };

    [Fact]
    public void The_kpis_are_the_rejection_rate_resale_time_and_share_coupon_take_up_and_counter_time_of_the_kept_returns()
    {
        ReturnSummary[] returns =
        [
            Summary("r1", ReturnStatus.Rejected, ReturnStatus.Rejected, "window"),
            Summary("r2", ReturnStatus.Rejected, ReturnStatus.Rejected, "tags"),
            Summary("r3", ReturnStatus.Rejected, ReturnStatus.Rejected, "window"),
            Summary("r4", ReturnStatus.InReview, ReturnStatus.InReview, "evidence") with { Note = "a fault is confirmed by ops from the photo" },
            Summary("r5", ReturnStatus.Collected) with { CollectedAt = T0, Resale = ResaleClock.AtRisk },
            Resold("r6", 10, CompensationKind.Coupon, counterSeconds: 300),
            Resold("r7", 30, CompensationKind.Refund, counterSeconds: 1200),
            Resold("r8", 50, CompensationKind.Coupon),
            Resold("r9", 80, CompensationKind.Refund),
        ];

        var board = ReturnsBoardGrain.Compute(returns, version: 7);

        Assert.Equal((9, 3d / 9, 1, 4), (board.Returns, board.RejectionRate, board.InReview, board.Resold));
        Assert.Equal(new Dictionary<string, int> { ["tags"] = 1, ["window"] = 2 }, board.RejectedBy);
        Assert.Equal((40d, 0.75), (board.ResaleHoursP50, board.ResoldInTime)); // hours 10, 30, 50, 80
        Assert.Equal(80d, board.ResaleHoursP95); // the 95th percentile of four values is the largest
        Assert.Equal((4, 0.5), (board.CouponOffered, board.CouponTakeUp));
        Assert.Equal((750d, 0.5), (board.CounterSecondsP50, board.CounterWithin15Minutes));
        Assert.Equal(["r4", "r5"], board.Attention.Select(r => r.ReturnId));
    }

    [Fact]
    public void The_return_rate_is_units_returned_of_units_sold_and_repurchase_is_compared_among_returns_offered_a_coupon_whose_window_closed()
    {
        ReturnSummary[] returns =
        [
            Resold("c1", 10, CompensationKind.Coupon) with { Repurchased = true },
            Resold("c2", 10, CompensationKind.Coupon) with { Repurchased = true },
            Resold("c3", 10, CompensationKind.Coupon) with { Repurchased = false },
            Resold("c4", 10, CompensationKind.Coupon), // its window is still open
            Resold("f1", 10, CompensationKind.Refund) with { Repurchased = true },
            Resold("f2", 10, CompensationKind.Refund) with { Repurchased = false },
            Resold("f3", 10, CompensationKind.Refund) with { Repurchased = false, CouponOffered = false }, // a fault: no choice was offered
        ];

        var board = ReturnsBoardGrain.Compute(returns, version: 3, new DemandTotals(Units: 400, Returned: 14));
        var unsold = ReturnsBoardGrain.Compute(returns, version: 3, new DemandTotals(Units: 0, Returned: 0));

        Assert.Equal((0.035, 400L, 14L, 30), (board.ReturnRate, board.SoldUnits, board.ReturnedUnits, board.RateDays));
        Assert.Equal((2d / 3, 3), (board.RepurchaseAfterCoupon, board.CouponCohort));
        Assert.Equal((0.5, 2), (board.RepurchaseAfterRefund, board.RefundCohort));
        Assert.Null(unsold.ReturnRate);
    }

    [Fact]
    public async Task Of_three_hundred_concurrent_versions_of_one_return_the_newest_is_kept_whatever_order_they_land_in()
    {
        var id = TestData.NewId("ret");
        var board = fixture.Grains.ReturnsBoard();

        var now = GrainClusterFixture.Clock.GetUtcNow(); // among the newest the board keeps
        await Task.WhenAll(Enumerable.Range(1, 300).Reverse().Select(v => board.UpsertAsync(
            Summary(id, v == 300 ? ReturnStatus.InReview : ReturnStatus.Requested, ReturnStatus.InReview, "evidence", version: v) with { RequestedAt = now })));

        Assert.Equal((300L, ReturnStatus.InReview), (await board.GetAsync()).Attention.Where(r => r.ReturnId == id).Select(r => (r.Version, r.Status)).Single());
    }
}
