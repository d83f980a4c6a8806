using Tandem.Contracts.Returns;

namespace Tandem.ReturnsSeason;

/// <summary>
/// What one season under one policy came to, read from the returns themselves (and, to check, the returns board): back on
/// sale within 72 h of collection, hours to resale, buying again within 30 days of settlement, coupons taken and spent.
/// </summary>
internal sealed record SeasonRun
{
    public required int Seed { get; init; }

    public required bool Coupons { get; init; }

    public required int Returns { get; init; }

    /// <summary>Collected items back on sale (A or B), and how many of them within the 72 h promise.</summary>
    public required int Resold { get; init; }

    public required int ResoldInTime { get; init; }

    public required IReadOnlyList<double> ResaleHours { get; init; }

    /// <summary>Returns not the item's fault whose 30 days after settlement are over, and how many of their shoppers bought again.</summary>
    public required int Choosers { get; init; }

    public required int ChoosersBack { get; init; }

    /// <summary>Of those: the ones settled with a coupon, and how many bought again.</summary>
    public required int WithCoupon { get; init; }

    public required int WithCouponBack { get; init; }

    public required int CouponsSpent { get; init; }

    /// <summary>Money out: refunds paid, and coupons' value issued.</summary>
    public required decimal Refunded { get; init; }

    public required decimal CouponValue { get; init; }

    /// <summary>The board's own share back on sale in time, for the same returns (it must agree).</summary>
    public double? BoardResoldInTime { get; init; }

    public static SeasonRun Of(int seed, bool coupons, IReadOnlyList<(ReturnView View, bool Fault)> returns, int couponsSpent, ReturnsBoardView board)
    {
        var resold = returns.Select(r => r.View).Where(v => v.Resale is ResaleClock.Met or ResaleClock.Missed).ToList();
        var choosers = returns.Where(r => !r.Fault && r.View.Repurchased is not null).Select(r => r.View).ToList();
        var withCoupon = choosers.Where(v => v.Settlement?.Kind == CompensationKind.Coupon).ToList();
        var settled = returns.Select(r => r.View.Settlement).OfType<ReturnSettlement>().ToList();
        return new SeasonRun
        {
            Seed = seed,
            Coupons = coupons,
            Returns = returns.Count,
            Resold = resold.Count,
            ResoldInTime = resold.Count(v => v.Resale == ResaleClock.Met),
            ResaleHours = [.. resold.Select(v => (v.History.Last(t => t.To == ReturnStatus.Restocked).At - v.CollectedAt!.Value).TotalHours)],
            Choosers = choosers.Count,
            ChoosersBack = choosers.Count(v => v.Repurchased == true),
            WithCoupon = withCoupon.Count,
            WithCouponBack = withCoupon.Count(v => v.Repurchased == true),
            CouponsSpent = couponsSpent,
            Refunded = settled.Where(s => s.Kind == CompensationKind.Refund).Sum(s => s.Amount),
            CouponValue = settled.Where(s => s.Kind == CompensationKind.Coupon).Sum(s => s.Amount),
            BoardResoldInTime = board.ResoldInTime,
        };
    }
}
