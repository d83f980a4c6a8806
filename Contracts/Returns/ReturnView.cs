namespace Tandem.Contracts.Returns;

/// <summary>One step in a return's history.</summary>
[GenerateSerializer, Immutable, Alias("tandem.return-transition")]
public sealed record ReturnTransition
{
    [Id(0)] public ReturnStatus? From { get; init; }

    [Id(1)] public required ReturnStatus To { get; init; }

    [Id(2)] public required DateTimeOffset At { get; init; }

    /// <summary>A shopper, operator or <c>system</c>.</summary>
    [Id(3)] public required string Actor { get; init; }

    [Id(4)] public string? Note { get; init; }
}

/// <summary>What the pre-check decided: approved, rejected or in review, the rule that decided, and why.</summary>
[GenerateSerializer, Immutable, Alias("tandem.return-check")]
public sealed record ReturnCheck
{
    [Id(0)] public required ReturnStatus Verdict { get; init; }

    /// <summary>received, quantity, window, condition, sealed, unused, tags, evidence, or passed.</summary>
    [Id(1)] public required string Rule { get; init; }

    [Id(2)] public required string Reason { get; init; }
}

/// <summary>A return request of one order line, as clients see it.</summary>
[GenerateSerializer, Immutable, Alias("tandem.return-view")]
public sealed record ReturnView
{
    [Id(0)] public required string ReturnId { get; init; }

    [Id(1)] public required string OrderId { get; init; }

    [Id(2)] public required string ShopperId { get; init; }

    [Id(3)] public required string Sku { get; init; }

    [Id(4)] public required int Quantity { get; init; }

    [Id(5)] public required ReturnReason Reason { get; init; }

    [Id(6)] public ItemCondition? Condition { get; init; }

    [Id(7)] public bool? TagsAttached { get; init; }

    [Id(8)] public required ReturnStatus Status { get; init; }

    [Id(9)] public required ReturnCheck Check { get; init; }

    [Id(10)] public required IReadOnlyList<ReturnTransition> History { get; init; }

    [Id(11)] public required long Version { get; init; }

    /// <summary>The courier who is to collect the item (a scheduled pickup), if any.</summary>
    [Id(12)] public string? CourierId { get; init; }

    /// <summary>The store the item was handed in at, if it was.</summary>
    [Id(13)] public string? StoreId { get; init; }

    /// <summary>When the item came into Tandem's hands: the resale clock's start.</summary>
    [Id(14)] public DateTimeOffset? CollectedAt { get; init; }

    /// <summary>When the item must be back on sale (collection + the resale promise).</summary>
    [Id(15)] public DateTimeOffset? ResaleDueBy { get; init; }

    [Id(16)] public required ResaleClock Resale { get; init; }

    [Id(17)] public ReturnGrade? Grade { get; init; }

    /// <summary>The inventory cell (<c>sku@location</c>) the item went back into.</summary>
    [Id(18)] public string? RestockedTo { get; init; }

    /// <summary>What the shopper may get back, and what they chose.</summary>
    [Id(19)] public required ReturnCompensation Compensation { get; init; }

    /// <summary>What the shopper got, once graded.</summary>
    [Id(20)] public ReturnSettlement? Settlement { get; init; }

    /// <summary>Whether the shopper bought again within 30 days of settlement (null: not settled, or the 30 days are not over).</summary>
    [Id(21)] public bool? Repurchased { get; init; }
}

/// <summary>
/// The refund a return is worth and, for a return that is not the item's fault, the coupon offered instead (worth the
/// refund plus the configured uplift); <see cref="Chosen"/> is the shopper's choice (null: not made, a refund by default).
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.return-compensation")]
public sealed record ReturnCompensation
{
    [Id(0)] public required decimal Refund { get; init; }

    /// <summary>The coupon's value, or null when no coupon is offered (the item was at fault).</summary>
    [Id(1)] public decimal? Coupon { get; init; }

    [Id(2)] public CompensationKind? Chosen { get; init; }

    /// <summary>When the choice was made.</summary>
    [Id(3)] public DateTimeOffset? ChosenAt { get; init; }

    /// <summary>The coupon experiment's variant that set the coupon's value ("experiment:variant"), if any.</summary>
    [Id(4)] public string? Experiment { get; init; }
}

/// <summary>How a return was settled: refund or coupon, its amount, the coupon's code; when and by whom.</summary>
[GenerateSerializer, Immutable, Alias("tandem.return-settlement")]
public sealed record ReturnSettlement
{
    [Id(0)] public required CompensationKind Kind { get; init; }

    [Id(1)] public required decimal Amount { get; init; }

    [Id(2)] public string? CouponCode { get; init; }

    [Id(3)] public required DateTimeOffset At { get; init; }

    [Id(4)] public required string Actor { get; init; }

    /// <summary>For an item handed in at a store: seconds from the scan at the counter to settled (the store's 15-minute rule).</summary>
    [Id(5)] public double? CounterSeconds { get; init; }
}
