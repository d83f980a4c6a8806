namespace Tandem.Contracts.Returns;

/// <summary>Where one return stands, as the returns board keeps it (the newest version wins).</summary>
[GenerateSerializer, Immutable, Alias("tandem.return-summary")]
public sealed record ReturnSummary
{
    [Id(0)] public required string ReturnId { get; init; }

    [Id(1)] public required long Version { get; init; }

    [Id(2)] public required string Sku { get; init; }

    [Id(3)] public required int Quantity { get; init; }

    [Id(4)] public required ReturnStatus Status { get; init; }

    /// <summary>The pre-check's verdict and the rule that decided (<c>passed</c> when none refused).</summary>
    [Id(5)] public required ReturnStatus Verdict { get; init; }

    [Id(6)] public required string Rule { get; init; }

    [Id(7)] public required DateTimeOffset RequestedAt { get; init; }

    [Id(8)] public DateTimeOffset? CollectedAt { get; init; }

    /// <summary>When the item was back on sale or disposed.</summary>
    [Id(9)] public DateTimeOffset? ResoldAt { get; init; }

    [Id(10)] public required ResaleClock Resale { get; init; }

    /// <summary>Whether a coupon was offered (not the item's fault).</summary>
    [Id(11)] public required bool CouponOffered { get; init; }

    [Id(12)] public CompensationKind? Settled { get; init; }

    /// <summary>A store return's seconds from the counter scan to settled.</summary>
    [Id(13)] public double? CounterSeconds { get; init; }

    [Id(14)] public string? StoreId { get; init; }

    /// <summary>Why it needs attention now (the pre-check's reason while in review), if it does.</summary>
    [Id(15)] public string? Note { get; init; }

    [Id(16)] public DateTimeOffset? SettledAt { get; init; }

    /// <summary>Whether the shopper bought again within the repurchase window after settlement (null: the window is open, or not settled).</summary>
    [Id(17)] public bool? Repurchased { get; init; }
}

/// <summary>
/// The returns KPIs over the returns the board keeps (the latest <see cref="ReturnsBoardView.Kept"/>), and the returns that need
/// someone: in review, and collected items whose resale clock is at risk or breached.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.returns-board")]
public sealed record ReturnsBoardView
{
    public const int Kept = 1000;

    [Id(0)] public required int Returns { get; init; }

    /// <summary>Refused by the pre-check, of all requests.</summary>
    [Id(1)] public required double RejectionRate { get; init; }

    /// <summary>How many each rule refused.</summary>
    [Id(2)] public required IReadOnlyDictionary<string, int> RejectedBy { get; init; }

    [Id(3)] public required int InReview { get; init; }

    /// <summary>Collected items back on sale or disposed (the resale clock stopped).</summary>
    [Id(4)] public required int Resold { get; init; }

    /// <summary>Hours from collection to back on sale: median and 95th percentile (null: none yet).</summary>
    [Id(5)] public double? ResaleHoursP50 { get; init; }

    [Id(6)] public double? ResaleHoursP95 { get; init; }

    /// <summary>Of the items back on sale, the share within the promise.</summary>
    [Id(7)] public double? ResoldInTime { get; init; }

    /// <summary>Settled returns offered a coupon, and the share of them that took it.</summary>
    [Id(8)] public required int CouponOffered { get; init; }

    [Id(9)] public double? CouponTakeUp { get; init; }

    /// <summary>Store returns: seconds from the counter scan to settled (median, 95th percentile), and the share within 15 minutes.</summary>
    [Id(10)] public double? CounterSecondsP50 { get; init; }

    [Id(11)] public double? CounterSecondsP95 { get; init; }

    [Id(12)] public double? CounterWithin15Minutes { get; init; }

    /// <summary>Returns needing someone, oldest first: in review, then resale at risk or breached.</summary>
    [Id(13)] public required IReadOnlyList<ReturnSummary> Attention { get; init; }

    [Id(14)] public required long Version { get; init; }

    /// <summary>
    /// Units returned of units sold over the last <see cref="RateDays"/> days (UTC, today included), from the demand every
    /// cell counts (null: nothing sold), read again at most once a minute.
    /// </summary>
    [Id(15)] public double? ReturnRate { get; init; }

    [Id(16)] public long SoldUnits { get; init; }

    [Id(17)] public long ReturnedUnits { get; init; }

    [Id(18)] public int RateDays { get; init; }

    /// <summary>
    /// Of the settled returns that were offered a coupon (not the item's fault) and whose repurchase window closed: the share
    /// whose shopper bought again in it, for those who took the coupon and for those who took the refund, and how many each.
    /// </summary>
    [Id(19)] public double? RepurchaseAfterCoupon { get; init; }

    [Id(20)] public int CouponCohort { get; init; }

    [Id(21)] public double? RepurchaseAfterRefund { get; init; }

    [Id(22)] public int RefundCohort { get; init; }
}
