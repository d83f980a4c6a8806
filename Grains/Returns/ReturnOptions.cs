namespace Tandem.Grains.Returns;

/// <summary>The return policy; bound from configuration section <c>Tandem:Returns</c>.</summary>
public sealed class ReturnOptions
{
    /// <summary>Days after delivery or collection an item may be returned, unless its category says otherwise.</summary>
    public int WindowDays { get; set; } = 30;

    /// <summary>Return windows of categories that differ from <see cref="WindowDays"/>.</summary>
    public Dictionary<string, int> CategoryWindowDays { get; set; } = new(StringComparer.OrdinalIgnoreCase) { ["electronics"] = 14 };

    /// <summary>Categories returned only unopened unless faulty.</summary>
    public List<string> SealedCategories { get; set; } = ["beauty", "grocery", "baby"];

    /// <summary>How long after a write that left a call to another grain unfinished the sweeper finishes it.</summary>
    public TimeSpan CatchUpAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The resale promise: a collected item is back on sale (or disposed) within this time.</summary>
    public TimeSpan ResaleWithin { get; set; } = TimeSpan.FromHours(72);

    /// <summary>When, after collection, an item not yet back on sale raises an at-risk alert.</summary>
    public TimeSpan ResaleAtRiskAfter { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Whether a return that is not the item's fault is offered a coupon instead of the refund (false: refunds only).</summary>
    public bool OfferCoupons { get; set; } = true;

    /// <summary>How much more than the refund the coupon offered instead is worth (0.10: 10 % more).</summary>
    public decimal CouponUplift { get; set; } = 0.10m;

    /// <summary>Days a coupon can be spent after it is issued.</summary>
    public int CouponValidDays { get; set; } = 90;

    /// <summary>A courier should collect an approved return from the shopper's address within this time (its weight in dispatch).</summary>
    public TimeSpan PickupWithin { get; set; } = TimeSpan.FromHours(4);

    /// <summary>How long after settlement an order of the shopper counts as buying again (coupon against refund).</summary>
    public TimeSpan RepurchaseWithin { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Where couriers take collected returns: a location id; unset, the warehouse nearest the pickup.</summary>
    public string? SortingCentreId { get; set; }
}
